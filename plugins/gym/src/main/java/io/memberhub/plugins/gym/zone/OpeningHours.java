package io.memberhub.plugins.gym.zone;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a zone is open each day, as minutes of the day: from {@code opens} up to (not including)
 * {@code closes}. A closing time before the opening time runs past midnight (22:00-02:00), and
 * 24:00 closes at the end of the day.
 */
public record OpeningHours(int opens, int closes) {

    private static final Pattern TEXT = Pattern.compile("(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)");
    private static final int DAY = 24 * 60;

    /** Reads {@code HH:mm-HH:mm}; the reason it cannot, as an {@link IllegalArgumentException}. */
    public static OpeningHours parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must look like 06:00-23:00 (24-hour clock, opening-closing)");
        }
        int opens = minutes(m.group(1), m.group(2));
        int closes = minutes(m.group(3), m.group(4));
        if (opens >= DAY) {
            throw new IllegalArgumentException("cannot open at 24:00; use 00:00");
        }
        if (opens == closes) {
            throw new IllegalArgumentException("opens and closes at the same time; for a zone open all day use 00:00-24:00");
        }
        return new OpeningHours(opens, closes);
    }

    private static int minutes(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException(hours + ":" + minutes + " is not a time of day (00:00 to 24:00)");
        }
        return h * 60 + m;
    }

    public boolean isOpenAt(LocalTime time) {
        int now = time.getHour() * 60 + time.getMinute();
        return opens < closes ? now >= opens && now < closes : now >= opens || now < closes;
    }

    @Override
    public String toString() {
        return clock(opens) + "-" + clock(closes);
    }

    private static String clock(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
