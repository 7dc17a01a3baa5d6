package io.memberhub.platform.wallet;

import java.time.Instant;
import java.util.UUID;

public record WalletEntryResponse(UUID id, long delta, String kind, String sourceId, Instant createdAt) {
}
