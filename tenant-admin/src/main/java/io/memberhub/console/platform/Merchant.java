package io.memberhub.console.platform;

import java.time.Instant;
import java.util.UUID;

/** A merchant (tenant) as the platform's API describes it. */
public record Merchant(UUID id, String slug, String name, Instant createdAt) {
}
