package io.memberhub.plugins.education;

import io.memberhub.plugin.api.PluginContext;

/**
 * The merchant's {@code referralPoints} setting: whole points, 0 to switch rewards off. A value the
 * market let through as a NUMBER but that is no whole number of points fails the call with a
 * message naming the setting, which the merchant sees among the plugin's failures.
 */
final class ReferralPoints {

    static final String KEY = "referralPoints";
    static final long DEFAULT = 500;
    private static final long MAX = 1_000_000;

    private ReferralPoints() {
    }

    static long of(PluginContext context) {
        return context.config(KEY).map(ReferralPoints::parse).orElse(DEFAULT);
    }

    private static long parse(String value) {
        try {
            long points = Long.parseLong(value.strip());
            if (points >= 0 && points <= MAX) {
                return points;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(KEY + " must be a whole number of points from 0 to " + MAX + ", not '" + value + "'");
    }
}
