package io.memberhub.platform.audit;

import java.util.List;

/**
 * A page of an audit log, newest first.
 *
 * @param next the cursor of the next (older) page, to pass as {@code cursor}; null on the last page
 */
public record AuditPage(List<AuditEntryResponse> entries, String next) {
}
