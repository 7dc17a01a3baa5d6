package io.memberhub.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of an audit log.
 *
 * @param target  what was acted on ({@code type} such as {@code member}, and its {@code id}); null for the merchant's settings
 * @param details ids, amounts and the names of changed fields; never secrets or personal data
 */
public record AuditEntryResponse(UUID id, Instant occurredAt, Actor actor, String action, Target target, Map<String, Object> details,
                                 String sourceIp, String userAgent, String requestId) {

    public record Target(String type, String id) {
    }
}
