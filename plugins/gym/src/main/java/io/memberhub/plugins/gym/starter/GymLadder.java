package io.memberhub.plugins.gym.starter;

import io.memberhub.plugin.api.starter.spi.LevelRule;
import io.memberhub.plugin.api.starter.spi.StarterLevel;
import java.util.List;
import java.util.Map;

/**
 * The seed's gym ladder (体验 → 年卡 → 私教): levels by card amount plus visit count. Amounts in fen.
 */
public final class GymLadder {

    public static final String TRIAL = "Trial";
    public static final String ANNUAL_CARD = "Annual card";
    public static final String PERSONAL_TRAINING = "Personal-training member";

    /** The annual card's price, and the spend in 12 months that earns it without buying it: 2,988.00 yuan. */
    public static final long ANNUAL_CARD_PRICE = 298_800;
    /** Spend in 3 months for personal training: a 20-session training package, 6,000.00 yuan. */
    public static final long TRAINING_SPEND = 600_000;
    /** Check-ins in 3 months for personal training: about twice a week. */
    public static final long TRAINING_VISITS = 24;

    static final List<StarterLevel> LEVELS = List.of(
            StarterLevel.earned(TRIAL, 0, null),
            StarterLevel.earned(ANNUAL_CARD, 1, LevelRule.atLeastInMonths("SPEND", ANNUAL_CARD_PRICE, 12))
                    .withPrices(Map.of("YEAR", ANNUAL_CARD_PRICE)),
            StarterLevel.earned(PERSONAL_TRAINING, 2, LevelRule.allOf(
                    LevelRule.atLeastInMonths("SPEND", TRAINING_SPEND, 3),
                    LevelRule.atLeastInMonths("VISIT_COUNT", TRAINING_VISITS, 3))));

    private GymLadder() {
    }
}
