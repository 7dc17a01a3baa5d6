package io.memberhub.platform.memberlogin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The devices each member has signed in from, and the challenges a password login from a new one
 * must pass: the app names its device with a stable id it generated at install.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberDevices {

    private static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(10);

    record Challenge(UUID memberId, String deviceId) {
    }

    @Inject
    EntityManager em;

    boolean known(TenantBound tenant, UUID memberId, String deviceId) {
        return !em.createNativeQuery("select 1 from member_device where member_id = ?1 and device_id = ?2")
                .setParameter(1, memberId).setParameter(2, deviceId).getResultList().isEmpty();
    }

    void remember(TenantBound tenant, UUID memberId, String deviceId) {
        em.createNativeQuery("insert into member_device (tenant_id, member_id, device_id, first_seen, last_seen) "
                        + "values (?1, ?2, ?3, now(), now()) on conflict (tenant_id, member_id, device_id) do update set last_seen = now()")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, memberId).setParameter(3, deviceId)
                .executeUpdate();
    }

    UUID challenge(TenantBound tenant, UUID memberId, String deviceId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("insert into login_challenge (tenant_id, id, member_id, device_id, created_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, id).setParameter(3, memberId)
                .setParameter(4, deviceId).setParameter(5, now).setParameter(6, now.plus(CHALLENGE_VALIDITY))
                .executeUpdate();
        return id;
    }

    /** The open challenge {@code id}, left open; empty if unknown, used or expired. */
    Optional<Challenge> peek(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select member_id, device_id from login_challenge "
                        + "where id = ?1 and used_at is null and expires_at > now()")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Challenge((UUID) r[0], (String) r[1]));
    }

    /** The open challenge {@code id}, used up by this call; empty if unknown, used or expired. */
    Optional<Challenge> consume(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update login_challenge set used_at = now() "
                        + "where id = ?1 and used_at is null and expires_at > now() returning member_id, device_id")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Challenge((UUID) r[0], (String) r[1]));
    }
}
