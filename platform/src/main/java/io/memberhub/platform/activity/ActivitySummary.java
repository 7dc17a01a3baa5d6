package io.memberhub.platform.activity;

import java.time.LocalDate;
import java.util.List;

/**
 * Activity counted over {@code from} to {@code to} (whole days in the merchant's time zone): per
 * bucket (a day, or a week from Monday) and type, per type over the whole range, and in all. Each
 * count comes with the distinct members behind it, which do not add up across buckets.
 */
public record ActivitySummary(LocalDate from, LocalDate to, String bucket, String timeZone, List<Bucket> buckets, List<Count> types,
                              Count total) {

    public record Bucket(LocalDate start, String type, long count, long members) {
    }

    /** {@code type} is absent on the total. */
    public record Count(String type, long count, long members) {
    }
}
