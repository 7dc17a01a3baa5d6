package io.memberhub.platform.activity;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A merchant's activity settings; the defaults apply until the merchant saves its own. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivitySettingsService {

    @Inject
    EntityManager em;

    public ActivitySettings get(TenantBound tenant) {
        List<?> rows = em.createNativeQuery("select retention_days from activity_settings where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString()).getResultList();
        return rows.isEmpty() ? ActivitySettings.DEFAULTS : new ActivitySettings(((Number) rows.getFirst()).intValue());
    }

    public ActivitySettings put(TenantBound tenant, ActivitySettings settings) {
        em.createNativeQuery("insert into activity_settings (tenant_id, retention_days, updated_at) values (?1, ?2, now()) "
                        + "on conflict (tenant_id) do update set retention_days = excluded.retention_days, updated_at = now()")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, settings.retentionDays()).executeUpdate();
        return get(tenant);
    }
}
