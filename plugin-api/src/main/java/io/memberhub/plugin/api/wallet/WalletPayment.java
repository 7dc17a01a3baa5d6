package io.memberhub.plugin.api.wallet;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/**
 * A payment from stored value.
 *
 * @param balance  the member's stored value after it
 * @param replayed whether this answers a retry of a payment made before (nothing was paid again)
 */
@InterfaceStability.Evolving
public record WalletPayment(UUID memberId, long amount, long balance, boolean replayed) {
}
