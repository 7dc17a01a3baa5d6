package io.memberhub.platform.growth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.activity.ActivityTypes;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A merchant's growth rules; {@link GrowthSettings#DEFAULTS} (nothing earned) until the merchant saves its own. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class GrowthSettingsService {

    private static final TypeReference<List<GrowthSettings.ActivityRule>> RULES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityTypes activityTypes;

    public GrowthSettings get(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select spend_unit, growth_per_spend_unit, growth_per_order, cast(activity_rules as text) "
                        + "from growth_settings where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString())
                .getResultList();
        if (rows.isEmpty()) {
            return GrowthSettings.DEFAULTS;
        }
        Object[] row = rows.getFirst();
        try {
            return new GrowthSettings(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    json.readValue((String) row[3], RULES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored growth rules are not readable", e);
        }
    }

    /** Saves the rules for facts recorded from now on; a rule for an unknown or repeated type is refused. */
    public GrowthSettings put(TenantBound tenant, GrowthSettings settings) {
        Set<String> known = activityTypes.known(tenant);
        Set<String> seen = new HashSet<>();
        for (GrowthSettings.ActivityRule rule : settings.activities()) {
            if ("PURCHASE".equals(rule.type())) {
                // Orders earn by amount and are reversed by refunds; a second, flat path through the timeline would not be.
                throw ProblemException.invalidField("activities", "PURCHASE earns growth from orders: set growthPerOrder or growthPerSpendUnit");
            }
            if (!known.contains(rule.type())) {
                throw ProblemException.invalidField("activities", "names " + rule.type()
                        + ", which is no activity type of this merchant; see GET /api/v1/activity-types");
            }
            if (!seen.add(rule.type())) {
                throw ProblemException.invalidField("activities", "lists " + rule.type() + " twice");
            }
        }
        String rules;
        try {
            rules = json.writeValueAsString(settings.activities());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                        insert into growth_settings (tenant_id, spend_unit, growth_per_spend_unit, growth_per_order, activity_rules, updated_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), now())
                        on conflict (tenant_id) do update
                        set spend_unit = excluded.spend_unit, growth_per_spend_unit = excluded.growth_per_spend_unit,
                            growth_per_order = excluded.growth_per_order, activity_rules = excluded.activity_rules, updated_at = now()""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, settings.spendUnit())
                .setParameter(3, settings.growthPerSpendUnit())
                .setParameter(4, settings.growthPerOrder())
                .setParameter(5, rules)
                .executeUpdate();
        return settings;
    }
}
