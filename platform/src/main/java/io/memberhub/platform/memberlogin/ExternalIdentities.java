package io.memberhub.platform.memberlogin;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Which member an identity of another service (a WeChat openid) belongs to, per merchant, joined across the merchant's apps by union id. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ExternalIdentities {

    /** A linked identity as the member sees it. */
    public record LinkedIdentity(String provider, String displayName, Instant linkedAt, Instant lastUsedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The member the identity is linked to; the link is marked used now and learns the union id, if the service gave one. */
    public Optional<UUID> memberOf(TenantBound tenant, String provider, String subject, String unionId) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("""
                        update member_external_identity i set last_used_at = now(), union_id = coalesce(cast(?4 as text), i.union_id)
                        from member m
                        where i.tenant_id = ?1 and i.provider = ?2 and i.subject = ?3
                          and m.tenant_id = i.tenant_id and m.id = i.member_id and m.deleted_at is null
                        returning i.member_id""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, provider)
                .setParameter(3, subject)
                .setParameter(4, unionId)
                .getResultList();
        return found.stream().findFirst().map(id -> (UUID) id);
    }

    /**
     * The live member who linked another of the merchant's apps of the same service (an identity of
     * the same plugin) under this union id.
     */
    public Optional<UUID> memberOfUnion(TenantBound tenant, String pluginId, String unionId) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("""
                        select i.member_id from member_external_identity i
                        join member m on m.tenant_id = i.tenant_id and m.id = i.member_id and m.deleted_at is null
                        where i.tenant_id = ?1 and i.union_id = ?2 and i.plugin_id = ?3
                        order by i.linked_at limit 1""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, unionId)
                .setParameter(3, pluginId)
                .getResultList();
        return found.stream().findFirst().map(id -> (UUID) id);
    }

    /** The live member's id at a provider of this plugin, if the member linked one. */
    public Optional<String> subjectOf(TenantBound tenant, UUID memberId, String pluginId, String provider) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("""
                        select i.subject from member_external_identity i
                        join member m on m.tenant_id = i.tenant_id and m.id = i.member_id and m.deleted_at is null
                        where i.tenant_id = ?1 and i.member_id = ?2 and i.plugin_id = ?3 and i.provider = ?4""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, pluginId)
                .setParameter(4, provider)
                .getResultList();
        return found.stream().findFirst().map(subject -> (String) subject);
    }

    /**
     * Links the identity to the member; linking it again to the same member changes nothing. An
     * identity linked to another member, or a second identity of the same service, is refused.
     */
    public void link(TenantBound tenant, UUID memberId, String pluginId, String provider, String subject, String displayName, String unionId) {
        int added = em.createNativeQuery("""
                        insert into member_external_identity
                            (tenant_id, provider, subject, member_id, plugin_id, display_name, union_id, linked_at, last_used_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, now(), now()) on conflict do nothing""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, provider)
                .setParameter(3, subject)
                .setParameter(4, memberId)
                .setParameter(5, pluginId)
                .setParameter(6, displayName)
                .setParameter(7, unionId)
                .executeUpdate();
        if (added == 1) {
            outbox.append(tenant, "MemberIdentityLinked", "member", memberId, Map.of("provider", provider));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> owner = em.createNativeQuery("""
                        select member_id from member_external_identity where tenant_id = ?1 and provider = ?2 and subject = ?3""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, provider)
                .setParameter(3, subject)
                .getResultList();
        if (owner.isEmpty()) {
            throw ProblemException.conflict("PROVIDER_ALREADY_LINKED", "This member has another " + provider
                    + " account linked; unlink it first");
        }
        if (!memberId.equals(owner.getFirst())) {
            throw ProblemException.conflict("IDENTITY_LINKED_ELSEWHERE", "This " + provider
                    + " account belongs to another member of this merchant");
        }
    }

    public List<LinkedIdentity> of(TenantBound tenant, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select provider, display_name, linked_at, last_used_at from member_external_identity
                        where tenant_id = ?1 and member_id = ?2 order by provider""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.stream().map(r -> new LinkedIdentity((String) r[0], (String) r[1], instant(r[2]), instant(r[3]))).toList();
    }

    public void unlink(TenantBound tenant, UUID memberId, String provider) {
        int removed = em.createNativeQuery("delete from member_external_identity where tenant_id = ?1 and member_id = ?2 and provider = ?3")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, provider)
                .executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("IDENTITY_NOT_FOUND", "No " + provider + " account is linked to this member");
        }
        outbox.append(tenant, "MemberIdentityUnlinked", "member", memberId, Map.of("provider", provider));
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
