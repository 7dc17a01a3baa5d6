package io.memberhub.platform.level;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A level: its place on the ladder (higher rank = better), name, upgrade rule (none = entry level)
 * the percent of normal points its members earn (default 100), its benefits and the gift pack
 * granted once to each member who reaches it.
 */
public record LevelRequest(@NotBlank @Size(max = 40) String name,
                           @NotNull @Min(0) @Max(99) Integer rank,
                           @Valid Condition upgradeRule,
                           @Min(0) @Max(1000) Integer pointsPercent,
                           @Size(max = 20) List<@NotNull @Valid Benefit> benefits,
                           @Valid GiftPack giftPack) {
}
