package io.memberhub.platform.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Changes to one login (its email, its password) one at a time, on every instance: Keycloak fails one
 * of two password resets of the same user that overlap (HTTP 500), which a member changing the password
 * on two devices at once met as a 503. A transaction-scoped advisory lock keyed by the login holds for
 * the change's Keycloak calls; other logins are not held up.
 */
@ApplicationScoped
public class LoginChanges {

    @Inject
    EntityManager em;

    public void oneAtATime(String login, Runnable change) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('login-change'), hashtext(?1))) l")
                    .setParameter(1, login).getResultList();
            change.run();
        });
    }
}
