package io.memberhub.plugins.gym.zone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A part of the gym a gate guards.
 *
 * @param minLevel the lowest level that may enter, by the merchant's level name; null for every member
 * @param hours    when it is open; null for always
 * @param checkIn  whether entering it is a visit (the lobby): such an IN counts toward {@code VISIT_COUNT}
 */
public record Zone(String name, String minLevel, OpeningHours hours, boolean checkIn) {

    /** The names the platform's access decisions accept, so every zone defined here can be asked about. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("minLevel", minLevel);
        json.put("hours", hours == null ? null : hours.toString());
        json.put("checkIn", checkIn);
        return json;
    }
}
