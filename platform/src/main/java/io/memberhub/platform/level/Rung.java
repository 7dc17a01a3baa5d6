package io.memberhub.platform.level;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A level as the rules see it: an immutable copy of the {@link Level} row, so a tenant's ladder can
 * be shared between transactions and threads.
 */
record Rung(UUID id, int rank, String name, Condition upgradeRule, Retention retention, Map<PaidPeriod, Long> prices,
            int pointsPercent, List<Benefit> benefits, GiftPack giftPack) {

    static Rung of(Level level) {
        return of(level.id(), level);
    }

    /** The level under another id: a proposed change of a stored level, or a level not saved yet. */
    static Rung of(UUID id, Level level) {
        return new Rung(id, level.rank, level.name, level.upgradeRule, level.retention,
                level.prices == null ? Map.of() : Map.copyOf(level.prices), level.pointsPercent,
                List.copyOf(level.benefits), level.giftPack);
    }

    /** Sold, not earned: a level with prices and no upgrade rule is reached only by buying it. */
    boolean purchaseOnly() {
        return upgradeRule == null && !prices.isEmpty();
    }

    Optional<Long> benefit(Benefit.Type type) {
        return benefits.stream().filter(b -> b.type() == type).findFirst().map(b -> b.value() == null ? 0L : b.value());
    }

    /** Whether reaching the level gives points or coupons (a gift pack that is not empty). */
    boolean grantsGifts() {
        return giftPack != null && (giftPack.points() > 0 || !giftPack.couponTemplateIds().isEmpty());
    }

    LevelRef ref() {
        return new LevelRef(id, rank, name);
    }
}
