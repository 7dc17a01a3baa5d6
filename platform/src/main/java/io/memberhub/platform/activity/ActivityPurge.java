package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/** Deletes a merchant's activity older than its retention, a batch per transaction so no delete holds locks for long. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivityPurge {

    @Inject
    EntityManager em;

    @Inject
    ActivitySettingsService settings;

    /** Activity before this instant is past the merchant's retention. */
    public Instant cutoff(TenantBound tenant) {
        return Instant.now().minus(Duration.ofDays(settings.get(tenant).retentionDays()));
    }

    /**
     * Deletes up to {@code limit} rows of one type older than {@code cutoff}; the rows deleted. By type
     * because (tenant, type, occurred_at) is the index that finds old rows without a scan of the table.
     */
    public int deleteBatch(TenantBound tenant, String type, Instant cutoff, int limit) {
        return em.createNativeQuery("delete from member_activity where tenant_id = ?1 and id in ("
                        + "select id from member_activity where tenant_id = ?1 and type = ?2 and occurred_at < ?3 limit ?4)")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, type).setParameter(3, cutoff).setParameter(4, limit)
                .executeUpdate();
    }
}
