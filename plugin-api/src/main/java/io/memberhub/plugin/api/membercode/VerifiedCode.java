package io.memberhub.plugin.api.membercode;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * A member code that checked out.
 *
 * @param level     the member's level now (null while none applies)
 * @param rank      its rank, or null
 * @param expiresAt when the code runs out (about a minute after it was shown)
 */
@InterfaceStability.Evolving
public record VerifiedCode(UUID memberId, String level, Integer rank, Instant expiresAt) {
}
