package io.memberhub.platform.tenant;

import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits sign-ups per client address over a sliding minute, because sign-up is public and each one
 * creates accounts in Keycloak. Kept in memory: per instance, which is enough to stop a script.
 */
@ApplicationScoped
public class SignUpRateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final ConcurrentHashMap<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @ConfigProperty(name = "memberhub.signup.rate-limit.per-minute")
    int perMinute;

    public void acquire(String clientAddress) {
        long now = clock.millis();
        Deque<Long> recent = attempts.computeIfAbsent(clientAddress, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst() <= now - WINDOW_MILLIS) {
                recent.pollFirst();
            }
            if (recent.size() >= perMinute) {
                long retryAfter = (recent.peekFirst() + WINDOW_MILLIS - now + 999) / 1000;
                throw new ProblemException(429, "RATE_LIMITED", "Too many requests",
                        "Too many sign-ups from your address; retry in " + retryAfter + " s", List.of());
            }
            recent.addLast(now);
        }
        if (attempts.size() > 10_000) {
            attempts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() <= now - WINDOW_MILLIS;
                }
            });
        }
    }
}
