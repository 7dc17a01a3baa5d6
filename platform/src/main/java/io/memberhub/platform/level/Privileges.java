package io.memberhub.platform.level;

import java.util.List;

/**
 * What a member's level gives at a given moment, for the features that apply it: earning
 * ({@code pointsPercent}, {@code validityPercent}) and buying ({@code discountPercent},
 * {@code freeShippingOver}, null when the level has no free shipping).
 */
public record Privileges(LevelRef level, int pointsPercent, int validityPercent, int discountPercent, Long freeShippingOver,
                         List<Benefit> benefits) {

    public static final Privileges NONE = new Privileges(null, 100, 100, 100, null, List.of());
}
