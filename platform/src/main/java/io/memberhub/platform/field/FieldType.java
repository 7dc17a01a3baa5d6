package io.memberhub.platform.field;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The kinds of custom member field a merchant can define, each with the values it accepts. */
public enum FieldType {
    TEXT {
        @Override
        String reject(String value, List<String> options) {
            return value.length() > 500 ? "must be at most 500 characters" : null;
        }
    },
    SINGLE_CHOICE {
        @Override
        String reject(String value, List<String> options) {
            return options.contains(value) ? null : "must be one of " + options;
        }
    },
    DATE {
        @Override
        String reject(String value, List<String> options) {
            try {
                LocalDate.parse(value);
                return null;
            } catch (DateTimeParseException e) {
                return "must be a date like 2024-05-31";
            }
        }
    },
    IMAGE {
        @Override
        String reject(String value, List<String> options) {
            if (value.length() > 2048) {
                return "must be at most 2048 characters";
            }
            try {
                URI uri = URI.create(value);
                boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
                return web && uri.getHost() != null ? null : "must be an http(s) image URL";
            } catch (IllegalArgumentException e) {
                return "must be an http(s) image URL";
            }
        }
    },
    /** Checked by the plugin its field names ({@code pluginType}), beyond this length limit. */
    PLUGIN {
        @Override
        String reject(String value, List<String> options) {
            return value.length() > 500 ? "must be at most 500 characters" : null;
        }
    };

    /** Why {@code value} is not acceptable for this type, or {@code null} when it is. */
    abstract String reject(String value, List<String> options);
}
