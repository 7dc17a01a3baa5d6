package io.memberhub.console.growth;

import java.time.Instant;
import java.util.List;

/** The platform's growth answers as the console reads them. */
public final class GrowthViews {

    private GrowthViews() {
    }

    public record ActivityRule(String type, Long growth, Integer dailyLimit, Boolean memberReported) {
    }

    public record Settings(Long spendUnit, Long growthPerSpendUnit, Long growthPerOrder, List<ActivityRule> activities) {

        public Settings {
            activities = activities == null ? List.of() : activities;
        }
    }

    /** A growth ledger line; {@code activityType} on an activity's earning, {@code note} on a staff member's line. */
    public record Entry(long delta, String reason, String activityType, String note, Instant createdAt) {
    }

    public record Summary(long balance, long last12Months, List<Entry> recent) {

        public Summary {
            recent = recent == null ? List.of() : recent;
        }
    }
}
