package io.memberhub.platform.pluginapi;

import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.wallet.WalletRequests;
import io.memberhub.platform.wallet.WalletService;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.wallet.WalletApi;
import io.memberhub.plugin.api.wallet.WalletPayment;
import java.util.UUID;

/** {@link WalletApi} for one plugin and merchant: payments under the plugin's reference and keys. */
final class ContextWallet implements WalletApi {

    /** A plugin's bug must not empty wallets in one call: 100,000 yuan. */
    static final long MAX_AMOUNT = 10_000_000;

    private final PluginCaller caller;
    private final WalletService wallet;

    ContextWallet(PluginCaller caller, WalletService wallet) {
        this.caller = caller;
        this.wallet = wallet;
    }

    @Override
    public long balance(UUID memberId) {
        caller.requireAny(Permissions.WALLET_READ, Permissions.WALLET_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.call(() -> wallet.summary(caller, memberId).balance());
    }

    @Override
    public WalletPayment pay(UUID memberId, long amount, String reference, String idempotencyKey) {
        caller.require(Permissions.WALLET_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(amount > 0 && amount <= MAX_AMOUNT, "amount must be 1 to " + MAX_AMOUNT + " fen, was " + amount);
        ArgumentChecks.require(reference != null && !reference.isBlank() && reference.length() <= 60, "reference must have 1 to 60 characters");
        ArgumentChecks.require(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= 50,
                "idempotencyKey must have 1 to 50 characters");
        // The plugin's keys and references are its own: another plugin's or the merchant's never meet them.
        String scope = caller.pluginId() + ":";
        Outcome<WalletRequests.PaymentResponse> paid = PlatformSide.call(() -> wallet.pay(caller, "plugin:" + scope + idempotencyKey,
                new WalletRequests.PaymentRequest(memberId, scope + reference, amount)));
        return new WalletPayment(memberId, amount, paid.response().balance(), paid.replayed());
    }
}
