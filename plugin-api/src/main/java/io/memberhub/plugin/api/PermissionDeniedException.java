package io.memberhub.plugin.api;

/** The plugin called a service whose permission its manifest does not declare (code {@code PERMISSION_DENIED}). */
@InterfaceStability.Stable
public class PermissionDeniedException extends PlatformServiceException {

    private final String permission;

    public PermissionDeniedException(String pluginId, String permission) {
        super("PERMISSION_DENIED", "plugin " + pluginId + " does not declare the permission " + permission + " in "
                + PluginApi.PERMISSIONS + ", which this service needs");
        this.permission = permission;
    }

    /** The permission that was missing, e.g. {@code points:write}. */
    public String permission() {
        return permission;
    }
}
