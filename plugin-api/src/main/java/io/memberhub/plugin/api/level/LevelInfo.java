package io.memberhub.plugin.api.level;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Objects;

/**
 * One level of the merchant's ladder.
 *
 * @param name the merchant's name of it, unique within the merchant
 * @param rank its place on the ladder: a higher rank is a better level
 */
@InterfaceStability.Evolving
public record LevelInfo(String name, int rank) {

    public LevelInfo {
        Objects.requireNonNull(name, "name");
    }
}
