package io.memberhub.plugin.api.starter.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One level of a starter ladder, as the platform's level API takes it.
 *
 * @param name          e.g. {@code VIP}
 * @param rank          0-99, higher is better; the entry level has no upgrade rule
 * @param upgradeRule   what members must reach to get here; null for the entry level or a level only sold
 * @param pointsPercent the percent of normal points members at this level earn (100 = normal)
 * @param benefits      the platform's level benefits, e.g. {@code FREE_SHIPPING_OVER} 5900
 * @param prices        prices in minor units by period ({@code MONTH}, {@code QUARTER}, {@code YEAR}) if members can buy it
 */
@InterfaceStability.Evolving
public record StarterLevel(String name, int rank, LevelRule upgradeRule, int pointsPercent, List<LevelBenefit> benefits,
                           Map<String, Long> prices) {

    public StarterLevel {
        Objects.requireNonNull(name, "name");
        benefits = List.copyOf(benefits);
        prices = Map.copyOf(prices);
    }

    /** A level members reach by a rule, earning normal points, with no benefits and no price. */
    public static StarterLevel earned(String name, int rank, LevelRule upgradeRule) {
        return new StarterLevel(name, rank, upgradeRule, 100, List.of(), Map.of());
    }

    public StarterLevel withBenefits(LevelBenefit... more) {
        return new StarterLevel(name, rank, upgradeRule, pointsPercent, List.of(more), prices);
    }

    public StarterLevel withPrices(Map<String, Long> newPrices) {
        return new StarterLevel(name, rank, upgradeRule, pointsPercent, benefits, newPrices);
    }
}
