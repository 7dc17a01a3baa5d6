package io.memberhub.platform.level;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.member.LiveMemberSpan;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every fact a ladder's rules read, for many members in one statement, with each member's
 * {@code member_level} row. Optionally only the members a review could change: a paid level that
 * ran out, a drop announced, a retention rule due or unmet, a higher level whose rules may be met.
 * Plugin metrics cannot be read in SQL, so that filter treats them as whatever could make a change
 * (met for an upgrade, unmet for a retention rule): it may keep a member the review then leaves
 * alone, never drop one the review would change.
 */
final class LadderFactsStatement {

    /** One member's row and the facts the ladder reads, by {@link MemberFacts#key}. */
    record Row(UUID memberId, MemberLevelState state, Map<String, Long> facts) {
    }

    private final Ladder ladder;
    private final Instant asOf;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Instant> froms = new ArrayList<>();
    private boolean pluginMetrics;

    LadderFactsStatement(Ladder ladder, Instant asOf) {
        this.ladder = ladder;
        this.asOf = asOf;
        for (Rung rung : ladder.rungs()) {
            collect(rung.upgradeRule());
            if (rung.retention() != null) {
                collect(rung.retention().rule());
            }
        }
    }

    /** The instant the facts are read at: windows end here. */
    Instant asOf() {
        return asOf;
    }

    /** Whether a rule of the ladder reads a plugin's metric (which only the one-by-one review can ask for). */
    boolean readsPluginMetrics() {
        return pluginMetrics;
    }

    /** These live members, in id order. */
    List<Row> members(EntityManager em, String tenantId, List<UUID> members) {
        String ids = members.stream().map(UUID::toString).collect(Collectors.joining(","));
        return run(em, tenantId, "member_id = any(cast(string_to_array(?2, ',') as uuid[]))", List.of(ids), false, null).rows();
    }

    /** A page read by {@link #page}: where it ends and how many live members it has, with its rows. */
    record Page(LiveMemberSpan span, List<Row> rows) {
    }

    /**
     * The page of at most {@code size} live members after {@code after} (the first page after the nil
     * id) with its rows, in one statement; null past the last member.
     */
    Page page(EntityManager em, String tenantId, UUID after, int size, boolean changeableOnly) {
        // The page's last id is known only inside the statement: the other tables read up to it (an init plan), not by a join on
        // the page's ids, which the planner would answer by reading every member's rows.
        Page page = run(em, tenantId, "member_id > cast(?2 as uuid) and member_id <= (select last from b)", List.of(after.toString(), size),
                changeableOnly, "id > cast(?2 as uuid) order by id limit ?3");
        return page.span() == null ? null : page;
    }

    /**
     * The statement; with {@code pageOf} (the rest of the members' query after their tenant and
     * liveness), the members are that page and the answer tells its span.
     */
    private Page run(EntityManager em, String tenantId, String members, List<Object> memberParams, boolean changeableOnly, String pageOf) {
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        params.addAll(memberParams);
        String now = param(params, asOf);
        StringBuilder sql = new StringBuilder("with m as (select id from member where tenant_id = ?1 and deleted_at is null and ")
                .append(pageOf == null ? members.replace("member_id", "id") : pageOf).append(")");
        if (pageOf != null) {
            sql.append(", b as (select (select id from m order by id desc limit 1) as last, (select count(*) from m) as n)");
        }
        StringBuilder select = new StringBuilder("""
                select m.id, l.level_id, l.since, l.pinned_level_id, l.pinned_until, l.next_review_at, l.downgrade_due,
                       l.paid_level_id, l.paid_since, l.paid_until,""")
                .append(" ").append(rank("l.level_id")).append(" as earned_rank, ").append(rank("l.pinned_level_id")).append(" as pinned_rank");
        // The members' condition on member_level too: joined on m.id alone, the planner reads every member's row for a page.
        StringBuilder joins = new StringBuilder(" from m left join member_level l on l.tenant_id = ?1 and l.member_id = m.id and ")
                .append(members.replace("member_id", "l.member_id"));
        // One pass over each fact table for all the metrics the ladder reads from it.
        List<List<Integer>> tables = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            int metric = i;
            tables.stream().filter(t -> MetricSql.sameTable(metrics.get(t.getFirst()), metrics.get(metric))).findFirst()
                    .ifPresentOrElse(t -> t.add(metric), () -> tables.add(new ArrayList<>(List.of(metric))));
        }
        String[] columns = new String[metrics.size()];
        for (int t = 0; t < tables.size(); t++) {
            List<MetricSql.Windowed> windowed = new ArrayList<>();
            for (int j = 0; j < tables.get(t).size(); j++) {
                int i = tables.get(t).get(j);
                windowed.add(new MetricSql.Windowed(metrics.get(i), "cast(" + param(params, froms.get(i)) + " as timestamptz)"));
                columns[i] = "coalesce(f" + t + ".v" + j + ", 0) as f" + i;
            }
            sql.append(", f").append(t).append(" as (")
                    .append(MetricSql.perMemberTogether(windowed, "?1", "cast(" + now + " as timestamptz)", members)).append(")");
            joins.append(" left join f").append(t).append(" on f").append(t).append(".member_id = m.id");
        }
        for (String column : columns) {
            select.append(", ").append(column);
        }
        String rows = select.append(joins).toString();
        if (pageOf == null) {
            sql.append(" select * from (").append(rows).append(") x");
            if (changeableOnly) {
                sql.append(" where ").append(changeable("cast(" + now + " as timestamptz)"));
            }
            sql.append(" order by x.id");
        } else {
            // The span's row comes first; with no member of the page changeable it is the only row.
            sql.append(" select x.*, b.last, b.n from b left join (").append(rows).append(") x on ")
                    .append(changeableOnly ? changeable("cast(" + now + " as timestamptz)") : "true").append(" order by x.id nulls first");
        }

        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        List<Row> result = new ArrayList<>(found.size());
        LiveMemberSpan span = null;
        for (Object[] r : found) {
            if (pageOf != null) {
                Object last = r[12 + metrics.size()];
                span = last == null ? null : new LiveMemberSpan((UUID) last, ((Number) r[13 + metrics.size()]).intValue());
                if (r[0] == null) {
                    continue;
                }
            }
            var state = new MemberLevelState((UUID) r[1], SqlValues.instant(r[2]), (UUID) r[3], SqlValues.instant(r[4]),
                    SqlValues.instant(r[5]), SqlValues.instant(r[6]), (UUID) r[7], SqlValues.instant(r[8]), SqlValues.instant(r[9]));
            Map<String, Long> facts = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                facts.put(MemberFacts.key(metrics.get(i), froms.get(i)), ((Number) r[12 + i]).longValue());
            }
            result.add(new Row((UUID) r[0], state, facts));
        }
        return new Page(span, result);
    }

    /** The condition on a row of {@code x} that a review could change it (see the class comment). */
    private String changeable(String now) {
        List<String> reasons = new ArrayList<>();
        reasons.add("(x.paid_level_id is not null and x.paid_until <= " + now + ")");
        reasons.add("x.downgrade_due is not null");
        for (Rung rung : ladder.rungs()) {
            if (rung.purchaseOnly()) {
                continue;
            }
            String earns = rung.upgradeRule() == null ? "true" : condition(rung.upgradeRule(), true);
            if (rung.retention() != null) {
                earns = "(" + earns + " and " + condition(rung.retention().rule(), true) + ")";
            }
            reasons.add("(x.earned_rank < " + rung.rank() + " and " + earns + ")");
        }
        for (Rung rung : ladder.rungs()) {
            Retention retention = rung.retention();
            if (retention == null) {
                continue;
            }
            // Java adds the months in UTC, the database in its session's zone: a day's margin covers the difference.
            String due = retention.reviewEveryMonths() == null
                    ? "not " + condition(retention.rule(), false)
                    : "coalesce(x.next_review_at, x.since + make_interval(months => " + retention.reviewEveryMonths() + ")) <= "
                    + now + " + interval '1 day'";
            reasons.add("(x.level_id = '" + rung.id() + "' and not coalesce(x.pinned_until > " + now + " and x.pinned_rank >= " + rung.rank()
                    + ", false) and " + due + ")");
        }
        return "(" + String.join(" or ", reasons) + ")";
    }

    /** A rule as SQL over the fact columns; a plugin's metric is taken as {@code unknownAs}. */
    private String condition(Condition condition, boolean unknownAs) {
        return switch (condition) {
            case Condition.All all -> all.all().stream().map(c -> condition(c, unknownAs)).collect(Collectors.joining(" and ", "(", ")"));
            case Condition.Any any -> any.any().stream().map(c -> condition(c, unknownAs)).collect(Collectors.joining(" or ", "(", ")"));
            case Condition.Threshold t -> "x.f" + columns.get(MemberFacts.key(t.metric(), MemberFacts.from(t.window(), asOf))) + " >= "
                    + t.atLeast().longValue();
            case Condition.PluginThreshold p -> String.valueOf(unknownAs);
        };
    }

    /** A level id's rank on the ladder; -1 for none or a level deleted since, as the one-by-one review sees it. */
    private String rank(String column) {
        StringBuilder sql = new StringBuilder("case");
        for (Rung rung : ladder.rungs()) {
            sql.append(" when ").append(column).append(" = '").append(rung.id()).append("' then ").append(rung.rank());
        }
        return sql.append(" else -1 end").toString();
    }

    private void collect(Condition condition) {
        switch (condition) {
            case null -> {
            }
            case Condition.All all -> all.all().forEach(this::collect);
            case Condition.Any any -> any.any().forEach(this::collect);
            case Condition.Threshold t -> {
                Instant from = MemberFacts.from(t.window(), asOf);
                if (columns.putIfAbsent(MemberFacts.key(t.metric(), from), metrics.size()) == null) {
                    metrics.add(t.metric());
                    froms.add(from);
                }
            }
            case Condition.PluginThreshold p -> pluginMetrics = true;
        }
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }
}
