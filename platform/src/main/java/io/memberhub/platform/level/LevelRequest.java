package io.memberhub.platform.level;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A level: its place on the ladder (higher rank = better), name, upgrade rule (none = entry level),
 * the percent of normal points its members earn (default 100), its benefits, the gift pack
 * granted once to each member who reaches it, the retention rule that keeps members on it, and
 * its prices per period if members can buy it (a level with prices and no upgrade rule is only sold).
 */
public record LevelRequest(@NotBlank @Size(max = 40) String name,
                           @NotNull @Min(0) @Max(99) Integer rank,
                           @Valid Condition upgradeRule,
                           @Min(0) @Max(1000) Integer pointsPercent,
                           @Size(max = 20) List<@NotNull @Valid Benefit> benefits,
                           @Valid GiftPack giftPack,
                           @Valid Retention retention,
                           Map<@NotNull PaidPeriod, @NotNull @Min(0) @Max(100_000_000_00L) Long> prices) {
}
