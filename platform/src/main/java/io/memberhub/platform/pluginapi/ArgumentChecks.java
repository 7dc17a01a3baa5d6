package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.PlatformServiceException;
import java.util.regex.Pattern;

/** Checks of what plugins pass to services, before anything runs: a bad argument is {@code INVALID_ARGUMENT}. */
final class ArgumentChecks {

    private static final int MAX_KEY = 100;

    private ArgumentChecks() {
    }

    static void require(boolean valid, String message) {
        if (!valid) {
            throw new PlatformServiceException("INVALID_ARGUMENT", message);
        }
    }

    static void notNull(Object value, String name) {
        require(value != null, name + " is required");
    }

    static void idempotencyKey(String key) {
        require(key != null && !key.isBlank() && key.length() <= MAX_KEY, "idempotencyKey must have 1 to " + MAX_KEY + " characters");
    }

    static void matches(String value, Pattern pattern, String name) {
        require(value != null && pattern.matcher(value).matches(), name + " must match " + pattern.pattern());
    }
}
