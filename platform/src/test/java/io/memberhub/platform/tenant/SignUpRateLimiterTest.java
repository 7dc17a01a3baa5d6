package io.memberhub.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberhub.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class SignUpRateLimiterTest {

    @Test
    void anAddressThatSignsUpTooOftenIsToldToWaitWhileOthersAreNot() {
        var limiter = new SignUpRateLimiter();
        limiter.perMinute = 3;
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.7");
        }
        assertThatThrownBy(() -> limiter.acquire("203.0.113.7"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    var problem = ((ProblemException) e).toProblem();
                    assertThat(problem.status()).isEqualTo(429);
                    assertThat(problem.code()).isEqualTo("RATE_LIMITED");
                });
        limiter.acquire("198.51.100.1");
    }
}
