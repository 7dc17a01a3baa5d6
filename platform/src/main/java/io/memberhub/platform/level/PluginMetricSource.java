package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Level metrics the merchant's enabled plugins define, as level rules use them; implemented by the
 * plugin host, so that levels do not depend on it.
 */
public interface PluginMetricSource {

    /** Whether one of the merchant's enabled plugins defines this metric now. */
    boolean defines(TenantBound tenant, String pluginId, String metric);

    /** The member's value over {@code from} (null: all time) to {@code to}; empty when the plugin cannot say. */
    OptionalLong value(TenantBound tenant, String pluginId, String metric, UUID memberId, Instant from, Instant to);
}
