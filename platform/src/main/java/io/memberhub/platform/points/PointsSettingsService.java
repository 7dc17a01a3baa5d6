package io.memberhub.platform.points;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A merchant's points earning settings; the defaults apply until the merchant saves its own. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsSettingsService {

    @Inject
    EntityManager em;

    public PointsSettings get(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select points_per_yuan, validity_days from points_settings where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        if (rows.isEmpty()) {
            return PointsSettings.DEFAULTS;
        }
        return new PointsSettings(((Number) rows.getFirst()[0]).intValue(), ((Number) rows.getFirst()[1]).intValue());
    }

    public PointsSettings put(TenantBound tenant, PointsSettings settings) {
        em.createNativeQuery("""
                        insert into points_settings (tenant_id, points_per_yuan, validity_days, updated_at) values (?1, ?2, ?3, now())
                        on conflict (tenant_id) do update
                        set points_per_yuan = excluded.points_per_yuan, validity_days = excluded.validity_days, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, settings.pointsPerYuan())
                .setParameter(3, settings.validityDays())
                .executeUpdate();
        return settings;
    }
}
