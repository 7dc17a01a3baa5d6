package io.memberhub.plugin.api.starter.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Objects;

/**
 * A benefit of the platform's own a level gives: {@code DISCOUNT_PERCENT}, {@code FREE_SHIPPING_OVER},
 * {@code BIRTHDAY_COUPON}, {@code POINTS_VALIDITY_PERCENT} with a value; {@code FREE_RETURNS},
 * {@code PRIORITY_SERVICE} without. Benefits of the plugin's own come from its
 * {@link io.memberhub.plugin.api.benefit.spi.BenefitType}.
 */
@InterfaceStability.Evolving
public record LevelBenefit(String type, Long value) {

    public LevelBenefit {
        Objects.requireNonNull(type, "type");
    }
}
