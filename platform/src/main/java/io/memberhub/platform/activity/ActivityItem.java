package io.memberhub.platform.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One activity of a batch. The member is named by {@code memberId} or {@code phone} (the member's
 * own app names nobody: it is the signed-in member); {@code subject} is what it was about (a SKU, a
 * page), {@code attributes} a small JSON object; a retry with the same {@code idempotencyKey} is a duplicate.
 */
public record ActivityItem(UUID memberId, String phone, @Schema(required = true) String type, @Schema(required = true) Instant occurredAt,
                           String subject, @Schema(type = SchemaType.OBJECT) JsonNode attributes, String idempotencyKey) {
}
