package io.memberhub.platform.plugin;

import java.time.Instant;

/** How many of the merchant's events were newly queued for the plugin's listeners (one already waiting for it is not queued twice). */
public record EventReplayResponse(String pluginId, Instant from, int queued) {
}
