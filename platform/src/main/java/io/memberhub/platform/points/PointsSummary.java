package io.memberhub.platform.points;

import java.util.List;
import java.util.UUID;

/**
 * A member's points: the balance, the ledger's sum (they must agree), the unspent points that
 * expire within 30 days, and the latest entries. {@code consistent} is the check a merchant or
 * auditor can read.
 */
public record PointsSummary(UUID memberId, long balance, long ledgerSum, boolean consistent, long expiringWithin30Days,
                            List<PointsEntryResponse> recent) {
}
