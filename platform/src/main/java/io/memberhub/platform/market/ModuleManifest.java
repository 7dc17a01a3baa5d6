package io.memberhub.platform.market;

import io.memberhub.platform.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code manifest.json} at the root of a market package: what merchants read before enabling a
 * module, the plugin-api range it needs, the permissions it asks for and the settings it takes.
 */
public record ModuleManifest(String id, String name, String description, String category, String icon,
                             List<String> screenshots, String version, String requires, List<String> permissions,
                             List<Setting> config, Long priceMinor) {

    /** A setting a merchant fills in when enabling the module (e.g. a WeChat AppID). */
    public record Setting(String key, String label, String type, Boolean required) {

        static final Set<String> TYPES = Set.of("TEXT", "SECRET", "NUMBER", "BOOLEAN");

        boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    public static final Set<String> CATEGORIES = Set.of("INDUSTRY", "INTEGRATION", "MARKETING", "LOYALTY", "OPERATIONS");

    /** What a module may ask for; merchants see the list before enabling it. */
    public static final Set<String> PERMISSIONS = Set.of(
            "members:read", "members:write", "levels:read", "points:read", "points:write", "wallet:read", "wallet:write",
            "coupons:read", "coupons:write", "tags:read", "tags:write", "activity:read", "activity:write", "visits:write", "events:subscribe", "events:publish",
            "http:outbound", "member-codes:verify", "data:sign", "storage", "routes", "console", "login", "messages:send", "access:decide", "access:check", "levels:list");

    static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])");
    static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?");
    private static final Pattern SETTING_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    public ModuleManifest {
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        config = config == null ? List.of() : List.copyOf(config);
    }

    /** Everything wrong with this manifest, one error per field ({@code manifest.<field>}). */
    List<Problem.FieldError> problems(Set<String> packageEntries) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(error("id", "must be 3-64 lowercase letters, digits or inner dashes"));
        }
        requireText(errors, "name", name, 80);
        requireText(errors, "description", description, 4000);
        if (category == null || !CATEGORIES.contains(category)) {
            errors.add(error("category", "must be one of " + sorted(CATEGORIES)));
        }
        if (version == null || !SEMVER.matcher(version).matches()) {
            errors.add(error("version", "must be a semantic version such as 1.2.0"));
        }
        requireText(errors, "requires", requires, 100);
        if (priceMinor == null || priceMinor < 0) {
            errors.add(error("priceMinor", "must be 0 (free) or a price in fen"));
        }
        checkImage(errors, "icon", icon, packageEntries);
        for (int i = 0; i < screenshots.size(); i++) {
            checkImage(errors, "screenshots[" + i + "]", screenshots.get(i), packageEntries);
        }
        Set<String> seenPermissions = new HashSet<>();
        for (int i = 0; i < permissions.size(); i++) {
            String permission = permissions.get(i);
            if (!PERMISSIONS.contains(permission)) {
                errors.add(error("permissions[" + i + "]", "is not a permission the market knows: " + sorted(PERMISSIONS)));
            } else if (!seenPermissions.add(permission)) {
                errors.add(error("permissions[" + i + "]", "is listed twice"));
            }
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < config.size(); i++) {
            Setting setting = config.get(i);
            if (setting == null || setting.key() == null || !SETTING_KEY.matcher(setting.key()).matches()) {
                errors.add(error("config[" + i + "].key", "must start with a letter: letters, digits, '_', '.', '-' (at most 64)"));
                continue;
            }
            if (!keys.add(setting.key())) {
                errors.add(error("config[" + i + "].key", "is declared twice"));
            }
            if (setting.label() == null || setting.label().isBlank()) {
                errors.add(error("config[" + i + "].label", "must not be blank"));
            }
            if (setting.type() == null || !Setting.TYPES.contains(setting.type())) {
                errors.add(error("config[" + i + "].type", "must be one of " + sorted(Setting.TYPES)));
            }
        }
        return errors;
    }

    Set<String> requiredSettings() {
        Set<String> required = new HashSet<>();
        config.stream().filter(Setting::isRequired).forEach(s -> required.add(s.key()));
        return required;
    }

    Set<String> optionalSettings() {
        Set<String> optional = new HashSet<>();
        config.stream().filter(s -> !s.isRequired()).forEach(s -> optional.add(s.key()));
        return optional;
    }

    private static void requireText(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(error(field, "must be at most " + max + " characters"));
        }
    }

    /** Images are shipped in the package (a path inside it) or hosted over https. */
    private static void checkImage(List<Problem.FieldError> errors, String field, String value, Set<String> packageEntries) {
        if (value == null) {
            return;
        }
        if (!value.startsWith("https://") && !packageEntries.contains(value)) {
            errors.add(error(field, "must be a file in the package or an https:// address"));
        }
    }

    static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError("manifest." + field, message);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
