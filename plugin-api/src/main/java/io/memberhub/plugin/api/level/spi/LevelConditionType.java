package io.memberhub.plugin.api.level.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import java.util.UUID;
import org.pf4j.ExtensionPoint;

/**
 * A metric a merchant's level rules can use besides the platform's own ({@code SPEND},
 * {@code ORDER_COUNT}, ...), e.g. {@code COURSE_PURCHASES} of an education pack. The platform asks
 * for the member's value over a window and compares it with the rule's threshold.
 */
@InterfaceStability.Evolving
public interface LevelConditionType extends ExtensionPoint {

    /** The metric's name in level rules: 2-40 of {@code A-Z 0-9 _}, unique within the plugin, e.g. {@code COURSE_PURCHASES}. */
    String metric();

    /** What the metric counts, for the merchant's console, e.g. {@code Courses bought (count)}. */
    String description();

    /**
     * The member's value over the window: a whole number, never negative (money in minor units).
     * Called within the platform's time limit; a failure means the rule is not met.
     */
    long value(UUID memberId, MetricWindow window, PluginContext context) throws Exception;
}
