package io.memberhub.platform.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription; {@code secret} appears once, when it is created or rotated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(UUID id, String url, List<String> eventTypes, boolean active, Instant createdAt, String secret) {
}
