package io.memberhub.platform.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One line of a member's timeline. */
public record ActivityEntry(UUID id, String type, Instant occurredAt, String subject, JsonNode attributes, ActivitySource source) {
}
