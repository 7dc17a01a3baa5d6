package io.memberhub.plugin.api.points;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/**
 * What a grant or deduction did.
 *
 * @param points   the points added (positive) or taken (negative)
 * @param balance  the member's balance right after the change
 * @param replayed true when this answers a retry: the change was made by an earlier call with the same key
 */
@InterfaceStability.Evolving
public record PointsChange(UUID memberId, long points, long balance, boolean replayed) {
}
