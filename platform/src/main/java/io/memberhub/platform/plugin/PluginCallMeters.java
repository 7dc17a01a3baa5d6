package io.memberhub.platform.plugin;

import io.memberhub.platform.observability.TenantTag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Every call into a plugin as the operators' metrics see it: the timer {@code memberhub.plugin.calls}
 * per plugin, extension point and outcome (and merchant, unless the tenant tag is off). Its count is
 * the number of calls, its buckets their latency as the caller waited for them.
 */
@ApplicationScoped
class PluginCallMeters {

    static final String NAME = "memberhub.plugin.calls";

    /** How a call ended: answered, threw or answered nonsense, or ran past its time limit. */
    enum Outcome {
        OK, FAILED, TIMED_OUT;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    @Inject
    MeterRegistry registry;

    @Inject
    TenantTag tenantTag;

    void record(PluginGuard.Call<?> call, Outcome outcome, long nanos) {
        Timer.builder(NAME)
                .description("Calls into plugins through the guard, by plugin, extension point and outcome")
                .tags(Tags.of("plugin", call.plugin().id(), "point", call.point(), "outcome", outcome.tag))
                .tags(tenantTag.of(call.enablement().tenantId()))
                .register(registry)
                .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }
}
