package io.memberhub.plugin.api.wallet;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.UUID;

/**
 * Members' stored value, in minor units (fen). Reading needs {@code wallet:read} or
 * {@code wallet:write}; paying needs {@code wallet:write} and shows in the member's wallet with the
 * plugin's reference. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface WalletApi {

    long balance(UUID memberId);

    /**
     * Pays {@code amount} from the member's stored value, once per key: a retry with the same key
     * answers as the first call did ({@link WalletPayment#replayed()}); not enough stored value is
     * refused with {@code INSUFFICIENT_BALANCE} and pays nothing. Staff refund it like any wallet payment.
     *
     * @param reference what was paid for, e.g. a booking number (1-60 characters; the merchant sees it
     *                  prefixed with the plugin's id)
     */
    WalletPayment pay(UUID memberId, long amount, String reference, String idempotencyKey);
}
