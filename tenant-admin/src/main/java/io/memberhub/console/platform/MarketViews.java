package io.memberhub.console.platform;

import java.util.List;
import java.util.Map;

/** The module market and the merchant's plugins as the console reads them (unknown properties are ignored). */
public final class MarketViews {

    private MarketViews() {
    }

    /** A published module; {@code enabled} and {@code enabledVersion} only on a detail page. */
    public record Module(String id, String name, String description, String category, String developer, String latestVersion,
                         long priceMinor, List<String> permissions, List<Setting> config, List<Version> versions, Boolean enabled,
                         String enabledVersion) {

        public Module {
            permissions = permissions == null ? List.of() : permissions;
            config = config == null ? List.of() : config;
            versions = versions == null ? List.of() : versions;
        }

        public boolean isEnabled() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    /** A setting the merchant fills in when enabling (type TEXT, SECRET, NUMBER or BOOLEAN). */
    public record Setting(String key, String label, String type, Boolean required) {

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }

        public boolean isSecret() {
            return "SECRET".equals(type);
        }
    }

    /** A published version with the permissions it asks for (the module's page lists every published version). */
    public record Version(String version, String status, String description, List<String> permissions) {

        public Version {
            permissions = permissions == null ? List.of() : permissions;
        }
    }

    /** An installed plugin as this merchant runs it: status and, for owners and admins, its settings. */
    public record Plugin(String id, String version, String enabledVersion, String status, Map<String, String> config,
                         int consecutiveFailures, String suspendedReason) {

        public Plugin {
            config = config == null ? Map.of() : config;
        }
    }

    /** What enabling sends: the settings, and the version (null: the newest installed). */
    public record Enablement(Map<String, String> config, String version) {
    }
}
