package io.memberhub.platform.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An export and how far it got.
 *
 * @param progress     rows written so far per table, in the order written (all of them once DONE)
 * @param rowsWritten  the sum of {@code progress}
 * @param tablesTotal  how many tables the archive holds, known once the job started
 * @param archiveUrl   where to download the archive while it is DONE
 */
public record ExportJobResponse(UUID id, String status, Map<String, Long> progress, long rowsWritten, Integer tablesTotal,
                                String schemaVersion, Long archiveBytes, String archiveSha256, String error, Instant createdAt,
                                Instant startedAt, Instant finishedAt, Instant expiresAt, String archiveUrl) {
}
