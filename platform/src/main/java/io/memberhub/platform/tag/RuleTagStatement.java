package io.memberhub.platform.tag;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A rule tag's evaluation as one set-based statement: the members who meet the rule now, the tag
 * rows to add and to remove (only those: unchanged rows are not written), and a TagAdded or
 * TagRemoved outbox event per change, all in one round trip. For one member (after one of their
 * facts) the same statement is narrowed to that member; an evaluation of every member runs it for
 * one range of member ids after another (see {@link Tags#evaluate}).
 */
final class RuleTagStatement {

    /** What a "days since" metric says for a member with no such fact at all. */
    private static final String NEVER = "1000000000";

    record Outcome(int added, int removed) {
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private RuleTagStatement() {
    }

    /** For every member ({@code member} null) or for one. */
    static RuleTagStatement of(String tenantId, UUID tagId, String tagName, TagRule rule, Instant asOf, UUID member) {
        var statement = new RuleTagStatement();
        statement.build(tenantId, tagId, tagName, rule, asOf, member, null, null);
        return statement;
    }

    /** For the members after {@code after} up to and including {@code last} (null: every member after {@code after}), in id order. */
    static RuleTagStatement ofRange(String tenantId, UUID tagId, String tagName, TagRule rule, Instant asOf, UUID after, UUID last) {
        var statement = new RuleTagStatement();
        statement.build(tenantId, tagId, tagName, rule, asOf, null, after, last);
        return statement;
    }

    Outcome run(EntityManager em) {
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Object[] row = (Object[]) query.getSingleResult();
        return new Outcome(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    String sql() {
        return sql.toString();
    }

    /** For one member, the members in a range of ids ({@code after}, {@code last}; null: open-ended), or everyone. */
    private void build(String tenantId, UUID tagId, String tagName, TagRule rule, Instant asOf, UUID member, UUID after, UUID last) {
        String tenant = param(tenantId);
        String tag = param(tagId);
        String now = "cast(" + param(asOf) + " as timestamptz)";
        String one = member == null ? null : param(member);
        String low = after == null ? null : param(after);
        String high = last == null ? null : param(last);
        // The condition, from " and ", that keeps the members evaluated, on one of their id columns.
        Function<String, String> of = column -> (one == null ? "" : " and " + column + " = " + one)
                + (low == null ? "" : " and " + column + " > " + low) + (high == null ? "" : " and " + column + " <= " + high);

        List<String> joins = new ArrayList<>();
        List<String> predicates = new ArrayList<>();
        sql.append("with ");
        for (int i = 0; i < rule.conditions().size(); i++) {
            TagRule.Condition c = rule.conditions().get(i);
            String value;
            if (c.metric() == TagMetric.DAYS_SINCE_REGISTRATION) {
                value = "floor(extract(epoch from (" + now + " - m.created_at)) / 86400)";
            } else {
                String cte = "c" + i;
                Instant from = c.windowDays() == null ? Instant.EPOCH : asOf.minus(Duration.ofDays(c.windowDays()));
                String memberFilter = of.apply(c.metric() == TagMetric.TOP_UP_AMOUNT ? "t.member_id" : "member_id");
                String argument = c.metric().needsCategory() ? c.category().strip() : c.metric().needsActivityType() ? c.activityType() : null;
                String aggregate = argument != null
                        ? c.metric().aggregate().formatted(tenant, param(from), param(argument), memberFilter)
                        : c.metric().aggregate().formatted(tenant, param(from), memberFilter);
                sql.append(cte).append(" as (").append(aggregate).append("), ");
                joins.add(" left join " + cte + " on " + cte + ".member_id = m.id");
                value = c.metric() == TagMetric.DAYS_SINCE_LAST_ORDER
                        ? "coalesce(floor(extract(epoch from (" + now + " - " + cte + ".v)) / 86400), " + NEVER + ")"
                        : "coalesce(" + cte + ".v, " + c.metric().absent() + ")";
            }
            predicates.add(value + " " + c.op().sql + " " + param(c.value()));
        }
        String joiner = rule.match() == TagRule.Match.ALL ? " and " : " or ";
        sql.append("wanted as (select m.id from member m").append(String.join("", joins))
                .append(" where m.tenant_id = ").append(tenant).append(" and m.deleted_at is null")
                .append(of.apply("m.id"))
                .append(" and (").append(String.join(joiner, predicates)).append(")), ");
        sql.append("removed as (delete from member_tag mt where mt.tenant_id = ").append(tenant).append(" and mt.tag_id = ").append(tag)
                .append(of.apply("mt.member_id"))
                .append(" and not exists (select 1 from wanted w where w.id = mt.member_id) returning mt.member_id), ");
        sql.append("added as (insert into member_tag (tenant_id, tag_id, member_id, tagged_at) select ").append(tenant).append(", ")
                .append(tag).append(", w.id, ").append(now).append(" from wanted w where not exists (select 1 from member_tag mt where mt.tenant_id = ")
                .append(tenant).append(" and mt.tag_id = ").append(tag).append(" and mt.member_id = w.id) ")
                // A member's own evaluation (after a fact) may add the same row at the same moment as the nightly one.
                .append("on conflict do nothing returning member_id), ");
        String name = param(tagName);
        sql.append("events as (insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at) ")
                .append(event("TagAdded", "added", tenant, tag, name, now)).append(" union all ")
                .append(event("TagRemoved", "removed", tenant, tag, name, now)).append(") ");
        sql.append("select (select count(*) from added), (select count(*) from removed)");
    }

    private static String event(String type, String from, String tenant, String tag, String name, String now) {
        return "select " + tenant + ", gen_random_uuid(), '" + type + "', 'member', cast(x.member_id as text), "
                + "jsonb_build_object('memberId', x.member_id, 'tagId', " + tag + ", 'tag', cast(" + name + " as text), 'by', 'RULE'), "
                + now + " from " + from + " x";
    }

    private String param(Object value) {
        params.add(value);
        return "?" + params.size();
    }
}
