package io.memberhub.platform.level;

import java.time.Instant;
import java.util.List;

/**
 * Why a level was reached: the level whose rule decided it, the facts each threshold saw, and the
 * instant the facts were read. An entry level has no checks.
 */
public record LevelExplanation(String rule, List<Condition.Check> checks, Instant factsAsOf) {
}
