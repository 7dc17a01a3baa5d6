package io.memberhub.platform.growth;

import io.memberhub.platform.activity.ActivityTypes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * How a merchant's members earn growth value. An order earns {@code growthPerOrder} plus
 * {@code growthPerSpendUnit} for every whole {@code spendUnit} fen paid (100 fen and 1: one growth per
 * yuan); each activity type in {@code activities} earns its fixed {@code growth}, at most
 * {@code dailyLimit} times a day per member. All zero and no activities: nobody earns growth.
 */
public record GrowthSettings(@NotNull @Min(1) @Max(100_000_000) Long spendUnit,
                             @NotNull @Min(0) @Max(1_000_000) Long growthPerSpendUnit,
                             @NotNull @Min(0) @Max(1_000_000) Long growthPerOrder,
                             @Size(max = 50) List<@NotNull @Valid ActivityRule> activities) {

    public static final GrowthSettings DEFAULTS = new GrowthSettings(100L, 0L, 0L, List.of());

    public GrowthSettings {
        // Not List.copyOf: a null element must reach validation as a 400, not fail the constructor.
        activities = activities == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(activities));
    }

    /**
     * Growth for each {@code type} activity: {@code growth}, counted at most {@code dailyLimit} times per
     * member and day (no limit when absent). Activities a member's own app reports count only with
     * {@code memberReported}: anything else would let a member write their own growth.
     */
    public record ActivityRule(@NotNull @Pattern(regexp = ActivityTypes.NAME_PATTERN, message = "must be an activity type such as LOGIN")
                               String type,
                               @NotNull @Min(1) @Max(1_000_000) Long growth,
                               @Min(1) @Max(1000) Integer dailyLimit,
                               Boolean memberReported) {

        public ActivityRule {
            memberReported = Boolean.TRUE.equals(memberReported);
        }
    }

    /** What an order of {@code amount} fen earns. */
    long forOrder(long amount) {
        return Math.addExact(growthPerOrder, Math.multiplyExact(amount / spendUnit, growthPerSpendUnit));
    }

    boolean earnsFromOrders() {
        return growthPerOrder > 0 || growthPerSpendUnit > 0;
    }

    Optional<ActivityRule> rule(String type) {
        return activities.stream().filter(r -> r.type().equals(type)).findFirst();
    }
}
