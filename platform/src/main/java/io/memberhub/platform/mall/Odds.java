package io.memberhub.platform.mall;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A lottery's odds table: entry {@code i} is drawn with probability {@code weights[i] / total}, in
 * whole numbers. A draw takes one uniform ticket in {@code [0, total)} from the random source and
 * finds whose range it falls in, so no floating point rounds anybody's chances.
 */
final class Odds {

    private final long[] cumulative;

    Odds(List<Long> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("An odds table needs at least one entry");
        }
        cumulative = new long[weights.size()];
        long total = 0;
        for (int i = 0; i < weights.size(); i++) {
            long weight = weights.get(i);
            if (weight < 0) {
                throw new IllegalArgumentException("A weight cannot be negative");
            }
            total = Math.addExact(total, weight);
            cumulative[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("An odds table needs a positive total weight");
        }
    }

    long total() {
        return cumulative[cumulative.length - 1];
    }

    /** The index of the entry the next ticket of {@code random} falls on; an entry of weight 0 is never drawn. */
    int draw(RandomGenerator random) {
        long ticket = random.nextLong(total());
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ticket < cumulative[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
