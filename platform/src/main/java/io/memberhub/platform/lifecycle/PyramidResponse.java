package io.memberhub.platform.lifecycle;

import java.util.List;

/** Live members by value class, top first, with their spend in fen over the last {@code windowDays} days. */
public record PyramidResponse(int windowDays, List<Tier> tiers) {

    public record Tier(ValueClass valueClass, long members, long spend) {
    }
}
