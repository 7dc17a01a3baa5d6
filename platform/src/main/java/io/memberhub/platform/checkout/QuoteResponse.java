package io.memberhub.platform.checkout;

import io.memberhub.platform.level.Benefit;
import io.memberhub.platform.level.LevelRef;
import io.memberhub.platform.plugin.PluginBenefits;
import java.util.List;
import java.util.UUID;

/**
 * What the member's level does to a basket: the level discount, whether delivery is free, what to
 * pay, the points the payment would earn, how many points could pay part of it, and the level's
 * other benefits (free returns, priority service, ...), and the benefits of the plugins the merchant
 * enabled (a fresh-food pack's daily specials). Money in fen.
 */
public record QuoteResponse(UUID memberId, LevelRef level, long amount, long discount, long payable, long shippingFee,
                            boolean freeShipping, long total, long pointsToEarn, long redeemablePoints, long redeemableDiscount,
                            List<Benefit> benefits, List<PluginBenefits.PluginBenefit> pluginBenefits) {
}
