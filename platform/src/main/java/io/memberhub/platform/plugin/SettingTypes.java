package io.memberhub.platform.plugin;

import java.util.Map;

/**
 * The type of each setting of a plugin version (TEXT, SECRET, NUMBER, BOOLEAN), where something
 * knows it: the module market does for the versions it published. The host checks values against
 * them and never shows SECRET values back.
 */
public interface SettingTypes {

    String SECRET = "SECRET";

    /** Setting key to type for this version, empty when nothing is known about it. */
    Map<String, String> of(String pluginId, String version);
}
