package io.memberhub.console.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The platform's dashboard report ({@code GET /api/v1/reports/dashboard}) as the console reads it. */
public record DashboardView(LocalDate from, LocalDate to, int days, String timeZone, long members, long newMembers, List<DayCount> newPerDay,
                            long activeMembers, List<DayCount> activePerDay, List<LevelCount> levels, ValuePyramid valuePyramid,
                            Points points) {

    public record DayCount(LocalDate date, long count) {
    }

    public record LevelCount(UUID levelId, String name, long members) {
    }

    public record ValuePyramid(int windowDays, long spenders, long spend, List<TierCount> tiers, Integer highValueShare, Range guide) {
    }

    public record TierCount(String tier, long members, long spend) {
    }

    public record Range(int from, int to) {
    }

    public record Points(List<PointsDay> perDay, PointsDay total) {
    }

    public record PointsDay(LocalDate date, long issued, long redeemed, long returned, long expired, long deducted) {
    }
}
