package io.memberhub.platform.tag;

import io.memberhub.platform.work.NightlyWork;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * Every night, every rule tag of every merchant is evaluated for all members: rules such as
 * "no order in 90 days" change with time alone. Each merchant's evaluation is leased, so on
 * several instances it runs once.
 */
@ApplicationScoped
class NightlyTagEvaluation {

    static final String WORK = "tags";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    NightlyWork nightly;

    @Inject
    Tags tags;

    @Scheduled(cron = "${memberhub.tags.nightly-cron:0 0 4 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        nightly.forEveryTenant(WORK, LEASE, (tenant, renew) -> {
            for (UUID tag : tags.ruleTags(tenant)) {
                tags.evaluate(tenant, tag, null);
            }
        });
    }
}
