package io.memberhub.platform.plugin;

import java.time.Instant;

/** How many of the merchant's events were queued for the plugin's listeners (those already waiting for it count once). */
public record EventReplayResponse(String pluginId, Instant from, int queued) {
}
