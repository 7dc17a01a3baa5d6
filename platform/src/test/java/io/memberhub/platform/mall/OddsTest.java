package io.memberhub.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A lottery's odds table, with a seeded random source so that every run draws the same tickets. */
class OddsTest {

    @Test
    void drawsFollowTheWeightsOfTheTable() {
        // 谢谢参与 70 %, a coupon 25 %, a mug 4.9 %, the grand prize 0.1 %: whole-number weights out of 1000.
        Odds odds = new Odds(List.of(700L, 250L, 49L, 1L));
        SplittableRandom seeded = new SplittableRandom(20261206L);
        int draws = 1_000_000;
        long[] counts = new long[4];
        for (int i = 0; i < draws; i++) {
            counts[odds.draw(seeded)]++;
        }
        long[] expected = {700_000, 250_000, 49_000, 1_000};
        for (int i = 0; i < counts.length; i++) {
            // Loosely: within five standard deviations of the binomial expectation.
            double p = expected[i] / (double) draws;
            double sigma = Math.sqrt(draws * p * (1 - p));
            assertThat((double) counts[i]).as("prize " + i).isBetween(expected[i] - 5 * sigma, expected[i] + 5 * sigma);
        }
    }

    @Test
    void eachTicketFallsOnExactlyOneEntryAndAWeightOfZeroIsNeverDrawn() {
        Odds odds = new Odds(List.of(90L, 0L, 10L));
        assertThat(odds.total()).isEqualTo(100);
        assertThat(odds.draw(ticket(0))).isEqualTo(0);
        assertThat(odds.draw(ticket(89))).isEqualTo(0);
        assertThat(odds.draw(ticket(90))).isEqualTo(2);
        assertThat(odds.draw(ticket(99))).isEqualTo(2);
    }

    @Test
    void aTableWithoutAPositiveTotalOrWithANegativeWeightIsRefused() {
        assertThatThrownBy(() -> new Odds(List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Odds(List.of(5L, -1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Odds(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A source whose next ticket is {@code value}, whatever the bound. */
    static java.util.random.RandomGenerator ticket(long value) {
        return new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return value;
            }
        };
    }
}
