package io.memberhub.platform.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Reads values of native query results, whose Java types depend on the driver and the column. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} value as an {@link Instant}; null stays null. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }

    /** A {@code date} value as a {@link LocalDate}; null stays null. */
    public static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalStateException("Unexpected date type " + value.getClass());
        };
    }
}
