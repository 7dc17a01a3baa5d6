package io.memberhub.platform.plugin;

import io.memberhub.platform.level.LevelRequest;
import java.util.List;
import java.util.Map;

/**
 * A plugin's starter configuration as the merchant sees it before and after adopting it: the levels
 * it sets up, which of them replace a level of the same name ({@code updates}), the settings it
 * sets, and, once adopted, what was done.
 */
public record StarterResponse(String pluginId, String summary, List<LevelRequest> levels, List<String> updates,
                              Map<String, String> settings, boolean adopted) {
}
