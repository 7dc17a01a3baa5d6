package io.memberhub.platform.mall;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Where lottery draws take their randomness: a cryptographically strong source, so that nobody can
 * predict the next draw from earlier ones. A bean of its own so that a test can put a seeded or
 * scripted source in its place.
 */
@ApplicationScoped
public class DrawSource {

    private final RandomGenerator random = new SecureRandom();

    public RandomGenerator random() {
        return random;
    }
}
