package io.memberhub.plugin.api.points;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/**
 * The merchant's points ledger, in whole points. Each change is a ledger line the merchant sees
 * with the plugin's reason and the plugin as its source. Changes are idempotent: a retry with the
 * same key answers as the first call did ({@link PointsChange#replayed()}) and changes nothing; the
 * same key with other arguments is refused ({@code IDEMPOTENCY_KEY_REUSED}). Keys are the plugin's
 * own: another plugin's keys never collide with them.
 */
@InterfaceStability.Evolving
public interface PointsApi {

    /**
     * Gives the member points that expire after the merchant's points validity. Needs {@code points:write}.
     *
     * @param reason         an upper-case code the merchant reads in the ledger, e.g. {@code REFERRAL_REWARD}
     *                       (3-40 of {@code A-Z 0-9 _}; the platform's own reasons such as {@code ORDER} are refused)
     * @param idempotencyKey 1-100 characters, unique per change the plugin means to make
     */
    PointsChange grant(UUID memberId, long points, String reason, String idempotencyKey);

    /** Takes points, soonest-expiring first; {@code INSUFFICIENT_POINTS} if the member has fewer. Needs {@code points:write}. */
    PointsChange deduct(UUID memberId, long points, String reason, String idempotencyKey);

    /** The member's balance now (expired points written off). Needs {@code points:read} or {@code points:write}. */
    long balance(UUID memberId);
}
