package io.memberhub.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets for the latencies operators alert on (HTTP requests, plugin calls, outbox lag):
 * a dozen fixed bounds from 5 ms to 10 s rather than Micrometer's default of about seventy, because
 * each bucket is a series per route, status and merchant.
 */
public class LatencyBuckets {

    private static final Set<String> TIMED = Set.of("http.server.requests", "memberhub.plugin.calls", "memberhub.outbox.lag");
    private static final double[] BOUNDS = {ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1_000), ms(2_500),
            ms(5_000), ms(10_000)};

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMED.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS).build().merge(config);
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
