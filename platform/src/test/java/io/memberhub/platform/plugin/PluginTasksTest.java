package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins' scheduled tasks run for the merchants that enabled them, once per period, failures counted. */
@QuarkusTest
class PluginTasksTest {

    /** Counts its runs in the merchant's storage; fails while the merchant's setting says so. */
    private static final String TASK = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.schedule.spi.ScheduledTask;
            import java.time.Duration;
            public class Reminders implements ScheduledTask {
                public String name() {
                    return "expiry-reminders";
                }
                public Duration every() {
                    return Duration.ofHours(1);
                }
                public void run(PluginContext context) {
                    if (context.config("fail").isPresent()) {
                        throw new IllegalStateException("the outside system is down");
                    }
                    int runs = Integer.parseInt(context.storage().get("runs").orElse("0"));
                    context.storage().put("runs", String.valueOf(runs + 1));
                }
            }
            """;

    @Inject
    PluginHost host;

    @Inject
    PluginTasks tasks;

    @TempDir
    Path build;

    @Test
    void aTaskRunsOncePerPeriodForEachMerchantThatEnabledItAndFailuresCount() throws IOException {
        String plugin = Merchants.uniqueSlug("reminders");
        host.install(TestPlugins.build(build, TestPlugins.Spec.of(plugin, "Reminders", TASK)
                .with("Plugin-Config-Optional", "fail")));
        Merchant a = Merchants.signUp("tasks-a");
        Merchant b = Merchants.signUp("tasks-b");
        Merchant failing = Merchants.signUp("tasks-failing");
        a.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        failing.asOwner().body(Map.of("config", Map.of("fail", "yes"))).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);

        tasks.sweep();
        tasks.sweep();

        assertThat(MerchantPlugins.storage(a, plugin)).containsEntry("runs", "1");
        assertThat(TenantSql.query(b.id(), "select * from plugin_task_run")).isEmpty();
        var run = TenantSql.query(failing.id(), "select last_error, next_run_at > now() + interval '50 minutes' as later from plugin_task_run")
                .getFirst();
        assertThat(run.get("last_error").toString()).startsWith("failed");
        assertThat(run.get("later")).isEqualTo(true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> failing.asOwner().get("/api/v1/plugins")
                .then().body("find { it.id == '" + plugin + "' }.consecutiveFailures", equalTo(1)));

        // Due again: the next sweep runs it.
        TenantSql.update(a.id(), "update plugin_task_run set next_run_at = now() - interval '1 second'");
        tasks.sweep();
        assertThat(MerchantPlugins.storage(a, plugin)).containsEntry("runs", "2");
    }
}
