package io.memberhub.plugins.kit;

import io.memberhub.plugin.api.PluginContext;
import java.time.Duration;

/** The merchant's settings of a plugin, read leniently: a value out of range counts as not set. */
public final class Settings {

    private Settings() {
    }

    /** A setting in whole hours from 1 to {@code maxHours}, else {@code absent}. */
    public static Duration hours(PluginContext context, String key, Duration absent, int maxHours) {
        return context.config(key).map(String::strip).map(text -> {
            try {
                long hours = Long.parseLong(text);
                return hours >= 1 && hours <= maxHours ? Duration.ofHours(hours) : absent;
            } catch (NumberFormatException e) {
                return absent;
            }
        }).orElse(absent);
    }
}
