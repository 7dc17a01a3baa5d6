package io.memberhub.console.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The platform's lifecycle answers as the console reads them. */
public final class LifecycleViews {

    private LifecycleViews() {
    }

    public record Rules(Integer newDays, Integer atRiskDays, Integer dormantDays, Integer activeOrders, Integer activeWindowDays,
                        Integer wonBackDays) {
    }

    public record Evaluation(int stageChanges, int rfmRescored) {
    }

    public record Distribution(List<StageCount> stages, long total) {
    }

    public record StageCount(String stage, long members) {
    }

    public record Flow(String period, List<PeriodMoves> periods) {
    }

    public record PeriodMoves(LocalDate start, List<Move> moves) {

        public long total() {
            return moves.stream().mapToLong(Move::members).sum();
        }
    }

    public record Move(String from, String to, long members) {
    }

    public record Pyramid(int windowDays, List<Tier> tiers) {
    }

    public record Tier(String valueClass, long members, long spend) {
    }

    public record Warning(UUID memberId, String name, String stage, List<String> reasons, String detail, long daysSinceLastOrder,
                          Long usualIntervalDays, long recentOrders, long baselineOrders) {
    }

    public record MemberLifecycle(UUID memberId, String stage, String reason, Instant since, Instant lastOrderAt, int frequency,
                                  long monetary, Rfm rfm, String valueClass, List<StageChange> history) {
    }

    public record Rfm(int recency, int frequency, int monetary, Instant scoredAt) {
    }

    public record StageChange(String from, String to, String reason, Instant changedAt) {
    }
}
