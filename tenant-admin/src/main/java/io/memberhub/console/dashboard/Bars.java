package io.memberhub.console.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for an SVG drawn on the server: no charting script in the browser, and the
 * numbers stay readable (each bar carries its value as a title and a data attribute).
 */
public record Bars(int width, int height, long max, List<Bar> bars) {

    /** One bar: where it stands in the view box, what it counts, and what it is called. */
    public record Bar(String label, long value, int x, int y, int barWidth, int barHeight) {
    }

    private static final int GAP = 2;

    /** Bars for {@code values} side by side in a {@code width} x {@code height} box, scaled to the largest. */
    public static Bars of(List<String> labels, List<Long> values, int width, int height) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        int n = Math.max(values.size(), 1);
        int slot = Math.max(width / n, 1);
        int barWidth = Math.max(slot - GAP, 1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            long v = values.get(i);
            int h = max == 0 ? 0 : (int) Math.max(v == 0 ? 0 : 1, (v * height) / max);
            bars.add(new Bar(labels.get(i), v, i * slot, height - h, barWidth, h));
        }
        return new Bars(width, height, max, bars);
    }
}
