package io.memberhub.platform.field;

import io.memberhub.platform.tenancy.TenantBound;
import java.util.List;

/**
 * Member field types the merchant's enabled plugins define, as fields of type {@link FieldType#PLUGIN}
 * use them; implemented by the plugin host, so that fields do not depend on it.
 */
public interface PluginFieldChecks {

    /** A plugin's field type as the console lists it. */
    record PluginFieldType(String pluginType, String description) {
    }

    /** The types of the merchant's enabled plugins; {@code pluginType} is {@code <pluginId>:<TYPE>}. */
    List<PluginFieldType> available(TenantBound tenant);

    /** Why the plugin refuses the value, or null when it accepts it; a plugin that cannot answer now refuses it. */
    String rejection(TenantBound tenant, String pluginType, String value);
}
