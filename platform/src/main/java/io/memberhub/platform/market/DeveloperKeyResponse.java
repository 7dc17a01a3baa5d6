package io.memberhub.platform.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeveloperKeyResponse(String id, String label, Instant createdAt, Instant revokedAt) {
}
