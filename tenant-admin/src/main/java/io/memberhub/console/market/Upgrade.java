package io.memberhub.console.market;

import io.memberhub.console.platform.MarketViews;
import java.util.List;
import java.util.Optional;

/**
 * A newer published version than the one this merchant runs, with the permissions it asks for that
 * the running one did not: what the merchant agrees to by upgrading.
 */
public record Upgrade(String current, String latest, List<String> newPermissions) {

    /** The upgrade on offer, if the merchant runs an older version than the newest published one. */
    static Optional<Upgrade> of(MarketViews.Module module, MarketViews.Plugin plugin) {
        if (plugin == null || "DISABLED".equals(plugin.status()) || plugin.enabledVersion() == null || module.latestVersion() == null
                || compare(module.latestVersion(), plugin.enabledVersion()) <= 0) {
            return Optional.empty();
        }
        List<String> granted = module.versions().stream().filter(v -> v.version().equals(plugin.enabledVersion())).findFirst()
                .map(MarketViews.Version::permissions).orElse(List.of());
        List<String> asked = module.versions().stream().filter(v -> v.version().equals(module.latestVersion())).findFirst()
                .map(MarketViews.Version::permissions).orElse(module.permissions());
        return Optional.of(new Upgrade(plugin.enabledVersion(), module.latestVersion(), asked.stream().filter(p -> !granted.contains(p)).toList()));
    }

    /** Semantic versions by their numbers (a pre-release sorts before its release). */
    static int compare(String a, String b) {
        String[] x = a.split("[-+]", 2)[0].split("\\.");
        String[] y = b.split("[-+]", 2)[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(!a.contains("-"), !b.contains("-"));
    }

    private static long number(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
