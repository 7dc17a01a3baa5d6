package io.memberhub.platform.observability;

import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code tenant} tag of per-merchant metrics (HTTP requests, plugin calls, webhook deliveries,
 * business counters), or no tag at all when {@code memberhub.metrics.tenant-tag=false}: every
 * merchant multiplies the series of each such metric, which a deployment with very many merchants
 * may not want to store. The tag is on every such meter or on none, as Prometheus wants one set of
 * tag names per metric.
 */
@ApplicationScoped
public class TenantTag {

    public static final String NAME = "tenant";
    /** The tag's value on requests that act for no merchant (sign-up, anonymous calls). */
    public static final String NONE = "none";

    @ConfigProperty(name = "memberhub.metrics.tenant-tag", defaultValue = "true")
    boolean enabled;

    public Tags of(UUID tenantId) {
        return of(tenantId == null ? null : tenantId.toString());
    }

    public Tags of(String tenantId) {
        return enabled ? Tags.of(NAME, tenantId == null ? NONE : tenantId) : Tags.empty();
    }
}
