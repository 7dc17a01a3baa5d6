package io.memberhub.platform.points;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** A merchant's points earning settings; the defaults apply until the merchant saves its own. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PointsSettingsService {

    private static final TypeReference<Map<String, Integer>> PERCENTS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private Map<String, Integer> readPercents(String text) {
        try {
            return json.readValue(text, PERCENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored category percents are not readable", e);
        }
    }

    private String writePercents(Map<String, Integer> percents) {
        try {
            return json.writeValueAsString(percents);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public PointsSettings get(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select points_per_yuan, validity_days, redeem_points_per_yuan, max_redeem_percent, "
                        + "member_day, member_day_percent, cast(category_percents as text), time_zone, sign_in_points, streak_days, streak_bonus, "
                        + "profile_completion_points from points_settings where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        if (rows.isEmpty()) {
            return PointsSettings.DEFAULTS;
        }
        Object[] row = rows.getFirst();
        return new PointsSettings(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
                row[4] == null ? null : ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                readPercents((String) row[6]), (String) row[7],
                ((Number) row[8]).intValue(), ((Number) row[9]).intValue(), ((Number) row[10]).intValue(),
                ((Number) row[11]).intValue());
    }

    public PointsSettings put(TenantBound tenant, PointsSettings settings) {
        em.createNativeQuery("""
                        insert into points_settings (tenant_id, points_per_yuan, validity_days, redeem_points_per_yuan, max_redeem_percent,
                                                     member_day, member_day_percent, category_percents, time_zone,
                                                     sign_in_points, streak_days, streak_bonus, profile_completion_points, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, ?11, ?12, ?13, now())
                        on conflict (tenant_id) do update
                        set points_per_yuan = excluded.points_per_yuan, validity_days = excluded.validity_days,
                            redeem_points_per_yuan = excluded.redeem_points_per_yuan, max_redeem_percent = excluded.max_redeem_percent,
                            member_day = excluded.member_day, member_day_percent = excluded.member_day_percent,
                            category_percents = excluded.category_percents, time_zone = excluded.time_zone,
                            sign_in_points = excluded.sign_in_points, streak_days = excluded.streak_days,
                            streak_bonus = excluded.streak_bonus, profile_completion_points = excluded.profile_completion_points,
                            updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, settings.pointsPerYuan())
                .setParameter(3, settings.validityDays())
                .setParameter(4, settings.redeemPointsPerYuan())
                .setParameter(5, settings.maxRedeemPercent())
                .setParameter(6, settings.memberDay())
                .setParameter(7, settings.memberDayPercent())
                .setParameter(8, writePercents(settings.categoryPercents()))
                .setParameter(9, settings.timeZone())
                .setParameter(10, settings.signInPoints())
                .setParameter(11, settings.streakDays())
                .setParameter(12, settings.streakBonus())
                .setParameter(13, settings.profileCompletionPoints())
                .executeUpdate();
        return settings;
    }
}
