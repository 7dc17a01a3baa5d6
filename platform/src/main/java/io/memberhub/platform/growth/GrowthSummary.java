package io.memberhub.platform.growth;

import java.util.List;
import java.util.UUID;

/**
 * A member's growth value: the balance, the ledger's sum (they must agree: {@code consistent}), growth
 * earned in the last 12 months (what a rolling level rule reads) and the latest lines.
 */
public record GrowthSummary(UUID memberId, long balance, long ledgerSum, boolean consistent, long last12Months,
                            List<GrowthEntryResponse> recent) {
}
