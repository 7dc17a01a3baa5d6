package io.memberhub.platform.market;

import java.time.Instant;
import java.util.UUID;

public record DeveloperResponse(UUID id, String name, String email, Instant createdAt) {
}
