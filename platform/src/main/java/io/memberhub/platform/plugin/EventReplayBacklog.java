package io.memberhub.platform.plugin;

/** How many of the merchant's events still wait to be handed to the plugin again: 0 once a replay is done. */
public record EventReplayBacklog(String pluginId, long waiting) {
}
