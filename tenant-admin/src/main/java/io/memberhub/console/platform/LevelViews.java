package io.memberhub.console.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's level ladder as the console reads it. Rules stay JSON: the editor turns the simple
 * shapes into form rows and hands anything deeper to the person as JSON, so no rule is lost in an edit.
 */
public final class LevelViews {

    private LevelViews() {
    }

    public record Level(UUID id, int rank, String name, JsonNode upgradeRule, int pointsPercent, List<Benefit> benefits,
                        JsonNode giftPack, JsonNode retention, Map<String, Long> prices, long members) {

        public Level {
            // JSON null arrives as a NullNode; absent is what the pages test for.
            upgradeRule = upgradeRule == null || upgradeRule.isNull() ? null : upgradeRule;
            giftPack = giftPack == null || giftPack.isNull() ? null : giftPack;
            retention = retention == null || retention.isNull() ? null : retention;
            benefits = benefits == null ? List.of() : benefits;
            prices = prices == null ? Map.of() : prices;
        }
    }

    public record Benefit(String type, Long value) {
    }

    public record Metrics(List<String> builtIn, List<PluginMetric> plugins) {

        public Metrics {
            builtIn = builtIn == null ? List.of() : builtIn;
            plugins = plugins == null ? List.of() : plugins;
        }
    }

    public record PluginMetric(String pluginId, String metric, String description) {
    }
}
