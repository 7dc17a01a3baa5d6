package io.memberhub.platform.lifecycle;

import java.util.List;
import java.util.UUID;

/** A member whose buying is slipping before the stage rules notice, with why in words and in numbers. */
public record EarlyWarning(UUID memberId, String name, LifecycleStage stage, List<Reason> reasons, String detail,
                           long daysSinceLastOrder, Long usualIntervalDays, long recentOrders, long baselineOrders) {

    public enum Reason {
        /** The last order is more than twice the member's usual interval ago. */
        LATE,
        /** The recent window brought less than half the member's usual orders. */
        SLOWING
    }
}
