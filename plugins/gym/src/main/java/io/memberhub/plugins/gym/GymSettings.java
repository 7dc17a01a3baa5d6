package io.memberhub.plugins.gym;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugins.gym.starter.GymLadder;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** The merchant's settings of the gym pack, with their defaults. */
public final class GymSettings {

    public static final String TIME_ZONE = "timeZone";
    public static final String LOCKER_FROM_LEVEL = "lockerFromLevel";
    public static final String TRAINING_PLAN_FROM_LEVEL = "trainingPlanFromLevel";

    public static final Map<String, String> DEFAULTS = Map.of(
            TIME_ZONE, "Asia/Shanghai",
            LOCKER_FROM_LEVEL, GymLadder.ANNUAL_CARD,
            TRAINING_PLAN_FROM_LEVEL, GymLadder.PERSONAL_TRAINING);

    private GymSettings() {
    }

    public static String get(PluginContext context, String key) {
        return context.config(key).map(String::strip).filter(v -> !v.isEmpty()).orElse(DEFAULTS.get(key));
    }

    /** The time zone of the opening hours; empty when the setting names none (the platform cannot check it). */
    public static Optional<ZoneId> timeZone(PluginContext context) {
        try {
            return Optional.of(ZoneId.of(get(context, TIME_ZONE)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
