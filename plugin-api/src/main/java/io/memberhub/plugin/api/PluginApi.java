package io.memberhub.plugin.api;

/**
 * The version of this contract and the descriptor attributes the host reads from a plugin's
 * {@code META-INF/MANIFEST.MF}.
 *
 * <p>A plugin names the plugin-api versions it works with in {@code Plugin-Requires} (an SemVer
 * range such as {@code ^1.0.0} or {@code >=1.0.0 & <2.0.0}; a bare {@code 1.0.0} means
 * {@code >=1.0.0}); the host refuses to install a plugin whose range excludes {@link #VERSION}.
 */
@InterfaceStability.Stable
public final class PluginApi {

    /** This contract's version: minor versions add {@code default} methods, major versions may break. */
    public static final String VERSION = "1.3.0";

    /** Comma-separated configuration keys a merchant must set to enable the plugin, e.g. {@code appId,secret}. */
    public static final String CONFIG_REQUIRED = "Plugin-Config-Required";

    /** Comma-separated configuration keys a merchant may set; any key not declared is refused. */
    public static final String CONFIG_OPTIONAL = "Plugin-Config-Optional";

    /**
     * Comma-separated {@link Permissions} the plugin uses, e.g. {@code members:read, points:write}.
     * Services of the context refuse calls the plugin did not declare; the market refuses a package
     * whose jar declares a permission its manifest does not show merchants.
     */
    public static final String PERMISSIONS = "Plugin-Permissions";

    private PluginApi() {
    }
}
