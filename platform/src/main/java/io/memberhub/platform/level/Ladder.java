package io.memberhub.platform.level;

import java.util.List;
import java.util.UUID;

/** A tenant's levels from the lowest rank up. */
record Ladder(List<Rung> rungs) {

    boolean isEmpty() {
        return rungs.isEmpty();
    }

    /** The rung with this id; null for no id or a level deleted since. */
    Rung byId(UUID id) {
        if (id == null) {
            return null;
        }
        for (Rung rung : rungs) {
            if (rung.id().equals(id)) {
                return rung;
            }
        }
        return null;
    }

    /** The lowest rung above {@code level} (above nothing: the lowest), or null at the top. */
    Rung above(Rung level) {
        return rungs.stream().filter(r -> level == null || r.rank() > level.rank()).findFirst().orElse(null);
    }

    /** The better of two levels, either of which may be absent. */
    static Rung higher(Rung a, Rung b) {
        if (a == null) {
            return b;
        }
        return b == null || a.rank() >= b.rank() ? a : b;
    }
}
