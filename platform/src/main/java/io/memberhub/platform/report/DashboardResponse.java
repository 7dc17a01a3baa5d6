package io.memberhub.platform.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The merchant console's dashboard over the last {@code days} whole days, {@code from} to {@code to}
 * (today) in the merchant's time zone. Every figure counts live members only: a deleted member
 * leaves the history as well as the totals. Money is in fen, points are whole points.
 */
public record DashboardResponse(LocalDate from, LocalDate to, int days, String timeZone,
                                long members, long newMembers, List<DayCount> newPerDay,
                                long activeMembers, List<DayCount> activePerDay,
                                List<LevelCount> levels, ValuePyramid valuePyramid, Points points) {

    /** A day's count; every day of the window has one, zero included. */
    public record DayCount(LocalDate date, long count) {
    }

    /** Members holding a level now, in ladder order; the last one, {@code levelId} null, holds none. */
    public record LevelCount(UUID levelId, String name, long members) {
    }

    /**
     * Members by their spend over the last {@code windowDays} days (orders paid, less what was
     * refunded of them). {@code highValueShare} is the high tier's share of the members who spent, in
     * basis points rounded down (null when nobody spent), to set against {@code guide}.
     */
    public record ValuePyramid(int windowDays, long spenders, long spend, List<TierCount> tiers, Integer highValueShare,
                               Range guide) {
    }

    public enum Tier {
        /** The fewest top spenders who together bring 80 % of the spend (with everyone tied with the last of them). */
        HIGH,
        /** The other members who spent. */
        MIDDLE,
        /** Members who spent nothing in the window. */
        NO_SPEND
    }

    public record TierCount(Tier tier, long members, long spend) {
    }

    /** Basis points, both ends included. */
    public record Range(int from, int to) {
    }

    /** The points ledger per day and over the window; {@code date} is absent on the total. */
    public record Points(List<PointsDay> perDay, PointsDay total) {
    }

    /**
     * Points that moved on a day. {@code issued}: new points of every kind (orders, sign-ins, gift
     * packs, campaigns, plugins), not those given back; {@code redeemed}: spent as cash, on coupons or in the points mall;
     * {@code returned}: given back by cancelled redemptions; {@code expired}: left unspent when their
     * validity ended that day; {@code deducted}: taken back otherwise (refunds, plugins). All are
     * positive numbers.
     */
    public record PointsDay(LocalDate date, long issued, long redeemed, long returned, long expired, long deducted) {
    }
}
