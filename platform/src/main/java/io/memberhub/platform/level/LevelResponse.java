package io.memberhub.platform.level;

import java.util.List;
import java.util.UUID;

/** A level with how many members hold it now. */
public record LevelResponse(UUID id, int rank, String name, Condition upgradeRule, int pointsPercent, List<Benefit> benefits,
                            GiftPack giftPack, long members) {
}
