package io.memberhub.console.settings;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the administration screens show a moment the platform reports: to the second, in UTC, said so. */
@TemplateExtension
public final class Moments {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Moments() {
    }

    /** {@code 2026-05-31T08:00:00.123Z} is {@code 2026-05-31 08:00:00 UTC}; nothing for no moment. */
    public static String utc(Instant moment) {
        return moment == null ? "—" : UTC.format(moment);
    }
}
