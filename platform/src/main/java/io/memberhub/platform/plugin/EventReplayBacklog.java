package io.memberhub.platform.plugin;

import java.time.Instant;

/**
 * The plugin's events still to be handed on for the merchant: {@code waiting} for a replay (0 once
 * it is done), {@code retrying} after its listener failed them, and {@code parked} after the last
 * retry (or while the plugin did not run); a replay from {@code oldestParkedEventAt} brings those back.
 */
public record EventReplayBacklog(String pluginId, long waiting, long retrying, long parked, Instant oldestParkedEventAt) {
}
