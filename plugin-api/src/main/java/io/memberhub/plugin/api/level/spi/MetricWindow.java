package io.memberhub.plugin.api.level.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;

/**
 * The period a level rule looks at.
 *
 * @param from the start, inclusive; null for all time
 * @param to   the end, inclusive (the moment of the evaluation)
 */
@InterfaceStability.Evolving
public record MetricWindow(Instant from, Instant to) {
}
