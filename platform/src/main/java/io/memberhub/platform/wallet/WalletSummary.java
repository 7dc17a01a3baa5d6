package io.memberhub.platform.wallet;

import java.util.List;
import java.util.UUID;

/** A member's stored value in fen: the balance, the ledger's sum (they must agree), the latest entries. */
public record WalletSummary(UUID memberId, long balance, long ledgerSum, boolean consistent, List<WalletEntryResponse> recent) {
}
