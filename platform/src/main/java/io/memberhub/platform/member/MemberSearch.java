package io.memberhub.platform.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs member searches as SQL, because custom field filters use PostgreSQL's jsonb containment
 * (served by a GIN index). Row-level security filters by tenant as well; the explicit tenant_id
 * condition is there for the planner and as a second wall.
 */
@ApplicationScoped
class MemberSearch {

    @Inject
    EntityManager em;

    record Result(List<Member> members, long total) {
    }

    Result run(UUID tenantId, MemberQuery query) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" from member where tenant_id = ?1 and deleted_at is null");
        params.add(tenantId.toString());
        if (query.q() != null && !query.q().isBlank()) {
            String q = query.q().strip();
            params.add(like(MemberRules.normalizePhone(q)) + "%");
            params.add("%" + like(q.toLowerCase(Locale.ROOT)) + "%");
            where.append(" and (phone like ?").append(params.size() - 1).append(" escape '\\'")
                    .append(" or lower(name) like ?").append(params.size()).append(" escape '\\')");
        }
        if (query.phone() != null && !query.phone().isBlank()) {
            params.add(MemberRules.normalizePhone(query.phone().strip()));
            where.append(" and phone = ?").append(params.size());
        }
        if (query.name() != null && !query.name().isBlank()) {
            params.add("%" + like(query.name().strip().toLowerCase(Locale.ROOT)) + "%");
            where.append(" and lower(name) like ?").append(params.size()).append(" escape '\\'");
        }
        if (query.gender() != null) {
            params.add(query.gender().name());
            where.append(" and gender = ?").append(params.size());
        }
        if (query.source() != null && !query.source().isBlank()) {
            params.add(query.source().strip());
            where.append(" and registration_source = ?").append(params.size());
        }
        query.fields().forEach((key, value) -> {
            params.add(key);
            params.add(value);
            where.append(" and custom_fields @> jsonb_build_object(cast(?").append(params.size() - 1)
                    .append(" as text), cast(?").append(params.size()).append(" as text))");
        });
        for (UUID tag : query.tags()) {
            params.add(tag);
            where.append(" and exists (select 1 from member_tag mt where mt.tenant_id = member.tenant_id and mt.tag_id = ?")
                    .append(params.size()).append(" and mt.member_id = member.id)");
        }
        for (UUID tag : query.withoutTags()) {
            params.add(tag);
            where.append(" and not exists (select 1 from member_tag mt where mt.tenant_id = member.tenant_id and mt.tag_id = ?")
                    .append(params.size()).append(" and mt.member_id = member.id)");
        }
        if (query.among() != null) {
            if (query.among().isEmpty()) {
                where.append(" and false");
            } else {
                params.add(String.join(",", query.among().stream().map(UUID::toString).toList()));
                where.append(" and id = any(cast(string_to_array(?").append(params.size()).append(", ',') as uuid[]))");
            }
        }
        if (!query.levels().isEmpty()) {
            where.append(" and exists (select 1 from member_level ml where ml.tenant_id = member.tenant_id and ml.member_id = member.id and ml.level_id in (");
            for (int i = 0; i < query.levels().size(); i++) {
                params.add(query.levels().get(i));
                where.append(i == 0 ? "?" : ", ?").append(params.size());
            }
            where.append("))");
        }
        if (!query.lifecycle().any()) {
            lifecycle(query.lifecycle(), where, params);
        }

        Query count = em.createNativeQuery("select count(*)" + where);
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();

        String direction = query.descending() ? " desc" : " asc";
        String order = " order by " + query.sort().column + direction + " nulls last, id" + direction;
        Query page = em.createNativeQuery("select *" + where + order + " limit " + query.size()
                + " offset " + ((long) query.page() * query.size()), Member.class);
        bind(page, params);
        @SuppressWarnings("unchecked")
        List<Member> members = page.getResultList();
        return new Result(members, total);
    }

    /** One join-free condition on the member's lifecycle row; a member not evaluated yet matches no lifecycle condition. */
    private static void lifecycle(MemberQuery.Lifecycle lifecycle, StringBuilder where, List<Object> params) {
        where.append(" and exists (select 1 from member_lifecycle ml where ml.tenant_id = member.tenant_id and ml.member_id = member.id");
        anyOf(where, params, "ml.stage", lifecycle.stages());
        anyOf(where, params, "ml.r_score", lifecycle.recency());
        anyOf(where, params, "ml.f_score", lifecycle.frequency());
        anyOf(where, params, "ml.m_score", lifecycle.monetary());
        where.append(")");
    }

    private static void anyOf(StringBuilder where, List<Object> params, String column, List<?> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" and ").append(column).append(" in (");
        for (int i = 0; i < values.size(); i++) {
            params.add(values.get(i) instanceof Integer score ? score.shortValue() : values.get(i));
            where.append(i == 0 ? "?" : ", ?").append(params.size());
        }
        where.append(")");
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
