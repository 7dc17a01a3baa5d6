package io.memberhub.platform.level;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** What reaching a level gives, once per member: points and coupons (by template). */
public record GiftPack(@Min(0) @Max(1_000_000_000L) long points,
                       @Size(max = 10) List<@NotNull UUID> couponTemplateIds) {

    public GiftPack {
        couponTemplateIds = couponTemplateIds == null ? List.of() : List.copyOf(couponTemplateIds);
    }
}
