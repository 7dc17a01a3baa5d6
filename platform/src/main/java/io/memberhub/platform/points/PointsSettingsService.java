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
        List<Object[]> rows = em.createNativeQuery("select points_per_yuan, validity_days, redeem_points_per_yuan, max_redeem_percent "
                        + "from points_settings where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        if (rows.isEmpty()) {
            return PointsSettings.DEFAULTS;
        }
        Object[] row = rows.getFirst();
        return new PointsSettings(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
    }

    public PointsSettings put(TenantBound tenant, PointsSettings settings) {
        em.createNativeQuery("""
                        insert into points_settings (tenant_id, points_per_yuan, validity_days, redeem_points_per_yuan, max_redeem_percent, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, now())
                        on conflict (tenant_id) do update
                        set points_per_yuan = excluded.points_per_yuan, validity_days = excluded.validity_days,
                            redeem_points_per_yuan = excluded.redeem_points_per_yuan, max_redeem_percent = excluded.max_redeem_percent,
                            updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, settings.pointsPerYuan())
                .setParameter(3, settings.validityDays())
                .setParameter(4, settings.redeemPointsPerYuan())
                .setParameter(5, settings.maxRedeemPercent())
                .executeUpdate();
        return settings;
    }
}
