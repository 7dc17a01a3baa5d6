package io.memberhub.plugin.api.schedule.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import java.time.Duration;
import org.pf4j.ExtensionPoint;

/**
 * Work a plugin does on its own for each merchant that enabled it, every so often (a course-expiry
 * reminder, a nightly sync with an outside system). On several platform instances each run happens
 * on one of them; a run that fails is counted against the plugin like any failing call, and the
 * next run comes at the usual time. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface ScheduledTask extends ExtensionPoint {

    /** The task's name, unique within the plugin: 2-40 of {@code a-z 0-9 -}, e.g. {@code expiry-reminders}. */
    String name();

    /** How long from the end of one run to the next: 1 minute to 7 days. */
    Duration every();

    /** One run for the merchant of {@code context}, within {@code memberhub.plugins.task-timeout} (60 s). */
    void run(PluginContext context) throws Exception;
}
