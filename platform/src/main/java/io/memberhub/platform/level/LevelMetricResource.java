package io.memberhub.platform.level;

import io.memberhub.platform.plugin.PluginLevelMetrics;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/level-metrics")
@Tag(name = "Levels")
public class LevelMetricResource {

    /** The platform's metrics, and those of the merchant's plugins ({@code pluginId} set). */
    public record LevelMetricsResponse(List<String> builtIn, List<PluginLevelMetrics.PluginMetric> plugins) {
    }

    @Inject
    CurrentCall currentCall;

    @Inject
    PluginLevelMetrics pluginMetrics;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The metrics level rules can measure",
            description = "The platform's own (SPEND, ORDER_COUNT, ...) and those the merchant's enabled plugins define, with what they count.")
    public LevelMetricsResponse list() {
        return new LevelMetricsResponse(Arrays.stream(Metric.values()).map(Metric::name).toList(), pluginMetrics.available(currentCall.get()));
    }
}
