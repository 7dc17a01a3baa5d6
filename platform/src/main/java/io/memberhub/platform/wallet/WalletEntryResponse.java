package io.memberhub.platform.wallet;

import java.time.Instant;
import java.util.UUID;

/** A stored-value ledger line in fen; a manual line's {@code note} is the staff member's reason. */
public record WalletEntryResponse(UUID id, long delta, String kind, String sourceId, String note, Instant createdAt) {
}
