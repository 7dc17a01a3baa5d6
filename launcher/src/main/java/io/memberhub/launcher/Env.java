package io.memberhub.launcher;

import java.nio.file.Path;

/** Settings the launcher reads from the environment, with the defaults of a one-machine install. */
final class Env {

    private Env() {
    }

    static Path home() {
        String configured = System.getenv("MEMBERHUB_HOME");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".memberhub")
                : Path.of(configured).toAbsolutePath();
    }

    static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, not '" + value + "'");
        }
    }

    static String get(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String require(String variable, String because) {
        String value = get(variable);
        if (value == null) {
            throw new IllegalArgumentException(variable + " must be set " + because);
        }
        return value;
    }
}
