package io.memberhub.platform.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's stage (null until first evaluated), why and since when, their RFM facts and scores
 * (null scores: never bought, or not scored yet), value class and latest stage changes, newest first.
 */
public record MemberLifecycleResponse(UUID memberId, LifecycleStage stage, String reason, Instant since, Instant lastOrderAt,
                                      int frequency, long monetary, Rfm rfm, ValueClass valueClass, List<StageChange> history) {

    public record Rfm(int recency, int frequency, int monetary, Instant scoredAt) {
    }

    public record StageChange(LifecycleStage from, LifecycleStage to, String reason, Instant changedAt) {
    }
}
