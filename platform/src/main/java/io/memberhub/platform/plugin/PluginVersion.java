package io.memberhub.platform.plugin;

/** One version of one plugin: what the host installs, loads and unloads, and what a merchant enables. */
record PluginVersion(String pluginId, String version) {

    @Override
    public String toString() {
        return pluginId + " " + version;
    }
}
