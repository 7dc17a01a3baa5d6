package io.memberhub.platform.activity;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of activity a merchant logs: the built-in ones every merchant has and the merchant's
 * own. Types are never deleted, so every stored row's type stays one of them (retention relies on it).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivityTypes {

    public static final List<String> BUILT_IN = List.of("LOGIN", "PURCHASE", "BROWSE", "FAVOURITE");
    /** Upper case like the built-in ones, so a rule or a report never tells "Browse" from "BROWSE". */
    public static final String NAME_PATTERN = "[A-Z][A-Z0-9_]{1,39}";

    @Inject
    EntityManager em;

    public List<ActivityTypeResponse> list(TenantBound tenant) {
        List<ActivityTypeResponse> types = new ArrayList<>();
        BUILT_IN.forEach(name -> types.add(new ActivityTypeResponse(name, null, true, null)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, description, created_at from activity_type where tenant_id = ?1 order by name")
                .setParameter(1, tenant.tenantId().toString()).getResultList();
        rows.forEach(r -> types.add(new ActivityTypeResponse((String) r[0], (String) r[1], false, SqlValues.instant(r[2]))));
        return types;
    }

    public ActivityTypeResponse register(TenantBound tenant, ActivityTypeRequest request) {
        if (BUILT_IN.contains(request.name())) {
            throw taken(request.name());
        }
        try {
            em.createNativeQuery("insert into activity_type (tenant_id, name, description, created_at) values (?1, ?2, ?3, now())")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, request.name())
                    .setParameter(3, request.description()).executeUpdate();
            em.flush();
        } catch (RuntimeException e) {
            throw UniqueViolation.of(e, "activity_type_pkey") ? taken(request.name()) : e;
        }
        return list(tenant).stream().filter(t -> t.name().equals(request.name())).findFirst().orElseThrow();
    }

    /** Every type the merchant may log: the built-in ones, then its own. */
    public Set<String> known(TenantBound tenant) {
        @SuppressWarnings("unchecked")
        List<String> own = em.createNativeQuery("select name from activity_type where tenant_id = ?1")
                .setParameter(1, tenant.tenantId().toString()).getResultList();
        Set<String> known = new LinkedHashSet<>(BUILT_IN);
        known.addAll(own);
        return known;
    }

    private static ProblemException taken(String name) {
        return ProblemException.conflict("ACTIVITY_TYPE_EXISTS", "There is an activity type " + name + " already");
    }
}
