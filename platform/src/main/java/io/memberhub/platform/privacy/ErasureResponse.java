package io.memberhub.platform.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A member's erasure: when, what became of the login ({@code NONE}: there was none, {@code DELETED},
 * {@code LEFT_MERCHANT}: the person's account stays for their other merchants, {@code UNLINKED}), and
 * how many rows of personal data were removed, by kind.
 */
public record ErasureResponse(UUID memberId, String status, Instant erasedAt, String login, Map<String, Integer> removed) {
}
