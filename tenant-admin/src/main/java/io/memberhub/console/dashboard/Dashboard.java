package io.memberhub.console.dashboard;

import io.memberhub.console.platform.DashboardView;
import java.math.BigDecimal;
import java.util.List;

/** The dashboard's figures ready to draw: the platform's report and the charts laid out from it. */
public record Dashboard(DashboardView report, Bars newMembers, Bars active, Bars issued, Bars redeemed, long levelMax) {

    public static Dashboard of(DashboardView report) {
        List<String> days = report.newPerDay().stream().map(d -> d.date().toString()).toList();
        List<String> pointDays = report.points().perDay().stream().map(d -> d.date().toString()).toList();
        long issuedMax = report.points().perDay().stream().mapToLong(d -> Math.max(d.issued(), d.redeemed())).max().orElse(0);
        return new Dashboard(report,
                Bars.of(days, report.newPerDay().stream().map(DashboardView.DayCount::count).toList(), 300, 80),
                Bars.of(report.activePerDay().stream().map(d -> d.date().toString()).toList(),
                        report.activePerDay().stream().map(DashboardView.DayCount::count).toList(), 300, 80),
                scaledTo(Bars.of(pointDays, report.points().perDay().stream().map(DashboardView.PointsDay::issued).toList(), 300, 80), issuedMax),
                scaledTo(Bars.of(pointDays, report.points().perDay().stream().map(DashboardView.PointsDay::redeemed).toList(), 300, 80), issuedMax),
                report.levels().stream().mapToLong(DashboardView.LevelCount::members).max().orElse(0));
    }

    /** The high-value tier's share of the members who spent, as a percent with up to two decimals ("12.5"). */
    public String highValuePercent() {
        Integer share = report.valuePyramid().highValueShare();
        return share == null ? null : BigDecimal.valueOf(share, 2).stripTrailingZeros().toPlainString();
    }

    /** Whether the share sits within the 15-20 % guide; below means value rests on too few, above on too many. */
    public String againstGuide() {
        Integer share = report.valuePyramid().highValueShare();
        if (share == null) {
            return "NONE";
        }
        DashboardView.Range guide = report.valuePyramid().guide();
        return share < guide.from() ? "BELOW" : share > guide.to() ? "ABOVE" : "WITHIN";
    }

    public String guideText() {
        DashboardView.Range guide = report.valuePyramid().guide();
        return BigDecimal.valueOf(guide.from(), 2).stripTrailingZeros().toPlainString() + "–"
                + BigDecimal.valueOf(guide.to(), 2).stripTrailingZeros().toPlainString();
    }

    /** Width in percent of a level's bar against the fullest level. */
    public long levelWidth(long members) {
        return levelMax == 0 ? 0 : Math.max(members == 0 ? 0 : 1, members * 100 / levelMax);
    }

    /** Issued and redeemed bars share one scale so they compare. */
    private static Bars scaledTo(Bars bars, long max) {
        if (max == 0 || bars.max() == max) {
            return bars;
        }
        List<Bars.Bar> scaled = bars.bars().stream().map(b -> {
            int h = (int) Math.max(b.value() == 0 ? 0 : 1, b.value() * bars.height() / max);
            return new Bars.Bar(b.label(), b.value(), b.x(), bars.height() - h, b.barWidth(), h);
        }).toList();
        return new Bars(bars.width(), bars.height(), max, scaled);
    }
}
