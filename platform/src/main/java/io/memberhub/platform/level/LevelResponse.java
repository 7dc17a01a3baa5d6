package io.memberhub.platform.level;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A level with how many members hold it now, earned or bought. */
public record LevelResponse(UUID id, int rank, String name, Condition upgradeRule, int pointsPercent, List<Benefit> benefits,
                            GiftPack giftPack, Retention retention, Map<PaidPeriod, Long> prices, long members) {
}
