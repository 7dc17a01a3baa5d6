package io.memberhub.platform.member;

import java.time.Instant;
import java.util.UUID;

/** A member someone referred, and since when. */
public record ReferralResponse(UUID id, String name, Instant since) {
}
