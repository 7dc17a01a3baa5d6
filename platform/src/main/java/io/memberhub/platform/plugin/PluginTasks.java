package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.TenantWork;
import io.memberhub.plugin.api.schedule.spi.ScheduledTask;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the plugins' {@link ScheduledTask}s for the merchants that enabled them: every sweep, each task
 * that is due for a merchant is claimed (so one instance runs it) and run through the guard.
 */
@ApplicationScoped
public class PluginTasks {

    private static final Logger LOG = Logger.getLogger(PluginTasks.class);
    private static final Duration MIN_EVERY = Duration.ofMinutes(1);
    private static final Duration MAX_EVERY = Duration.ofDays(7);

    @Inject
    PluginHost host;

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    @Inject
    TenantWork work;

    @Inject
    Runs runs;

    @ConfigProperty(name = "memberhub.plugins.task-timeout", defaultValue = "60s")
    Duration timeout;

    @Scheduled(every = "${memberhub.plugins.task-sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        if (!host.provides(ScheduledTask.class)) {
            return;
        }
        for (UUID tenant : BackgroundRequest.call(work::tenants)) {
            for (var task : BackgroundRequest.call(() -> active.of(TenantBound.of(tenant), ScheduledTask.class))) {
                runIfDue(task);
            }
        }
    }

    private void runIfDue(ActivePlugins.Active<ScheduledTask> task) {
        String name;
        Duration every;
        try {
            name = task.extension().name();
            every = task.extension().every();
        } catch (RuntimeException e) {
            LOG.warnf("Plugin %s has a scheduled task that cannot say its name or period: %s", task.plugin().key(), e.toString());
            return;
        }
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,38}[a-z0-9]") || every == null
                || every.compareTo(MIN_EVERY) < 0 || every.compareTo(MAX_EVERY) > 0) {
            LOG.warnf("Plugin %s task '%s' every %s is not run: names are 2-40 of a-z 0-9 -, periods 1 minute to 7 days",
                    task.plugin().key(), name, every);
            return;
        }
        TenantBound tenant = task.enablement();
        String pluginId = task.plugin().id();
        if (!BackgroundRequest.call(() -> runs.claim(tenant, pluginId, name, timeout.multipliedBy(2)))) {
            return;
        }
        boolean ran = guard.call(PluginGuard.Call.to(task, context -> {
            task.extension().run(context);
            return Boolean.TRUE;
        }), timeout).isPresent();
        BackgroundRequest.run(() -> runs.finish(tenant, pluginId, name, every, ran ? null : "failed or ran past " + timeout));
    }

    /** The claims and results of runs, in the merchant's transaction. */
    @ApplicationScoped
    @Transactional
    @TenantTransaction
    public static class Runs {

        @Inject
        EntityManager em;

        /** Claims the task's run when it is due and nobody runs it; false otherwise. */
        public boolean claim(TenantBound tenant, String pluginId, String task, Duration lease) {
            List<?> claimed = em.createNativeQuery("""
                            insert into plugin_task_run (tenant_id, plugin_id, task, next_run_at, leased_until)
                            values (?1, ?2, ?3, now(), now() + make_interval(secs => ?4))
                            on conflict (tenant_id, plugin_id, task) do update set leased_until = excluded.leased_until
                            where plugin_task_run.next_run_at <= now()
                              and (plugin_task_run.leased_until is null or plugin_task_run.leased_until < now())
                            returning 1""")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, pluginId).setParameter(3, task)
                    .setParameter(4, (double) lease.toSeconds())
                    .getResultList();
            return !claimed.isEmpty();
        }

        public void finish(TenantBound tenant, String pluginId, String task, Duration every, String error) {
            em.createNativeQuery("""
                            update plugin_task_run set next_run_at = now() + make_interval(secs => ?4), leased_until = null,
                                last_run_at = now(), last_error = ?5
                            where tenant_id = ?1 and plugin_id = ?2 and task = ?3""")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, pluginId).setParameter(3, task)
                    .setParameter(4, (double) every.toSeconds()).setParameter(5, error)
                    .executeUpdate();
        }
    }
}
