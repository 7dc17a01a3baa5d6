package io.memberhub.plugin.api.starter.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What adopting a starter configuration sets up.
 *
 * @param summary  one or two sentences the merchant reads before adopting
 * @param levels   the ladder, any order; may be empty
 * @param settings the plugin's settings, merged over the merchant's current ones
 */
@InterfaceStability.Evolving
public record Starter(String summary, List<StarterLevel> levels, Map<String, String> settings) {

    public Starter {
        Objects.requireNonNull(summary, "summary");
        levels = List.copyOf(levels);
        settings = Map.copyOf(settings);
    }
}
