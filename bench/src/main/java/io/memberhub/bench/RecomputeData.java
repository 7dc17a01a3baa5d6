package io.memberhub.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The recompute benchmark's data, written straight into PostgreSQL with set-based statements as the
 * tables' owner (row-level security still applies: the tenant is bound for the session), and the
 * scratch tables that let every measured phase start from the same state and be compared.
 *
 * <p>Every member has three orders 100 to 260 days old and one 500 to 600 days old; no order lies
 * near the edge of any window a rule uses (3 months, 12 months, 365 days), so the platform and the
 * baseline, run minutes apart, see the same facts. A member's spend depends on a bucket
 * {@code b = n * 7919 mod 1000} (evenly spread over the members): 70 % stay under Silver, 20 % are
 * Silver, 10 % Gold and "high value". The night's change then touches the buckets next to a threshold.
 */
final class RecomputeData implements AutoCloseable {

    private final Connection db;
    private final RecomputeMerchant merchant;

    RecomputeData(PlatformRun run, RecomputeMerchant merchant) throws SQLException {
        this.db = run.ownerConnection();
        this.merchant = merchant;
        Sql.exec(db, "set time zone 'UTC'");
        Sql.bindTenantForSession(db, merchant.tenantId());
    }

    /** Members and their orders, each step timed. */
    void generate(int members) throws SQLException {
        step("member numbers", () -> {
            Sql.exec(db, "create table bench_member (n integer primary key, id uuid not null, b integer not null)");
            return Sql.update(db, "insert into bench_member select g, gen_random_uuid(), (g::bigint * 7919) % 1000 from generate_series(1, ?) g", members);
        });
        step("members", () -> Sql.update(db, """
                insert into member (tenant_id, id, phone, gender, registration_source, created_at, updated_at, version)
                select ?, id, '1' || lpad(n::text, 10, '0'), 'UNDISCLOSED', 'bench', now() - interval '800 days', now(), 0 from bench_member""",
                merchant.tenantId()));
        step("orders (4 per member)", () -> Sql.update(db, """
                insert into member_order (tenant_id, id, member_id, external_id, amount, refunded_amount, points_earned, points_reversed,
                                          channel, items, paid_at, created_at, version)
                select ?, gen_random_uuid(), m.id, 'gen-' || m.n || '-' || k,
                       case when k = 3 then 20000
                            when m.b < 700 then 5000 + m.b * 40
                            when m.b < 900 then 34000 + (m.b - 700) * 600
                            else 170000 + (m.b - 900) * 1000 end,
                       0, 0, 0, 'pos', '[]',
                       case when k = 3 then now() - (500 + m.n % 100) * interval '1 day'
                            else now() - (100 + k * 60 + m.n % 40) * interval '1 day' end,
                       now(), 0
                from bench_member m cross join generate_series(0, 3) k""", merchant.tenantId()));
        analyze();
    }

    /**
     * The night's news: a day of orders lifts 0.5 % of the members over Silver and 0.5 % over Gold
     * (and "high value"); an order ageing out of the 12-month window drops 0.3 % from Silver to none
     * and 0.2 % from Gold to Silver (who lose the tag too).
     */
    void nightOfChanges() throws SQLException {
        step("a day of new orders", () -> Sql.update(db, """
                insert into member_order (tenant_id, id, member_id, external_id, amount, refunded_amount, points_earned, points_reversed,
                                          channel, items, paid_at, created_at, version)
                select ?, gen_random_uuid(), m.id, 'day-' || m.n, case when m.b < 700 then 5000 else 60000 end, 0, 0, 0, 'pos', '[]',
                       now() - interval '1 day' + (m.n % 80000) * interval '1 second', now(), 0
                from bench_member m where m.b between 695 and 699 or m.b between 895 and 899""", merchant.tenantId()));
        step("orders ageing out of the window", () -> Sql.update(db, """
                update member_order o set paid_at = o.paid_at - interval '400 days'
                from bench_member m
                where o.tenant_id = ? and o.external_id = 'gen-' || m.n || '-0' and (m.b between 700 and 702 or m.b between 900 and 901)""",
                merchant.tenantId()));
        analyze();
    }

    /**
     * Drops what the set-up wrote besides the current state (its history and events), as if it had
     * always been so. The database is the benchmark's own and fresh: the tables that refer to events
     * (plugin replays) are empty and go with them.
     */
    void forgetSetUpHistory() throws SQLException {
        step("set-up history and events dropped", () -> {
            Sql.exec(db, "truncate level_change, outbox_event cascade");
            return 0;
        });
    }

    /** Keeps the state every measured phase starts from. */
    void snapshotStart() throws SQLException {
        Sql.exec(db, "drop table if exists bench_level_start, bench_tag_start");
        Sql.exec(db, "create table bench_level_start as select * from member_level where tenant_id = ?", merchant.tenantId());
        Sql.exec(db, "create table bench_tag_start as select * from member_tag where tenant_id = ? and tag_id = cast(? as uuid)",
                merchant.tenantId(), merchant.tagId());
        Sql.exec(db, "create unique index on bench_level_start (member_id)");
        Sql.exec(db, "create unique index on bench_tag_start (member_id)");
        // The rows just written have no statistics yet; the first phase must not plan blind while later ones,
        // after a restore, meet fresh statistics.
        Sql.exec(db, "vacuum analyze member_level, member_tag, level_change, outbox_event");
    }

    /** How many level and tag rows differ from the start state now. */
    long[] changedSinceStart() throws SQLException {
        return Sql.numbers(db, """
                select (select count(*) from member_level ml full join bench_level_start s on s.member_id = ml.member_id
                        where (ml.tenant_id is null or ml.tenant_id = ?) and ml.level_id is distinct from s.level_id),
                       (select count(*) from (select member_id from member_tag where tenant_id = ? and tag_id = cast(? as uuid)) t
                        full join bench_tag_start s on s.member_id = t.member_id where t.member_id is null or s.member_id is null)""",
                merchant.tenantId(), merchant.tenantId(), merchant.tagId());
    }

    /** Level change rows written since {@code since}: the history a phase wrote. */
    long levelChangesSince(Instant since) throws SQLException {
        return Sql.number(db, "select count(*) from level_change where created_at >= ?", since.atOffset(ZoneOffset.UTC));
    }

    /**
     * Puts the start state back, touching only rows that differ, and drops the history and events
     * written since {@code since}; then vacuums, so the next phase meets no dead rows either.
     */
    void restoreStart(Instant since) throws SQLException {
        String t = merchant.tenantId();
        Sql.exec(db, "delete from member_level ml where tenant_id = ? and not exists (select 1 from bench_level_start s where s.member_id = ml.member_id)", t);
        Sql.exec(db, """
                update member_level ml set level_id = s.level_id, since = s.since, updated_at = s.updated_at, pinned_level_id = s.pinned_level_id,
                    pinned_until = s.pinned_until, next_review_at = s.next_review_at, downgrade_due = s.downgrade_due,
                    paid_level_id = s.paid_level_id, paid_since = s.paid_since, paid_until = s.paid_until
                from bench_level_start s
                where ml.tenant_id = ? and ml.member_id = s.member_id
                  and (ml.level_id, ml.since, ml.next_review_at, ml.downgrade_due) is distinct from (s.level_id, s.since, s.next_review_at, s.downgrade_due)""", t);
        Sql.exec(db, "insert into member_level select s.* from bench_level_start s where not exists "
                + "(select 1 from member_level ml where ml.tenant_id = s.tenant_id and ml.member_id = s.member_id)");
        Sql.exec(db, "delete from member_tag mt where tenant_id = ? and tag_id = cast(? as uuid) "
                + "and not exists (select 1 from bench_tag_start s where s.member_id = mt.member_id)", t, merchant.tagId());
        Sql.exec(db, "insert into member_tag select s.* from bench_tag_start s where not exists "
                + "(select 1 from member_tag mt where mt.tenant_id = s.tenant_id and mt.tag_id = s.tag_id and mt.member_id = s.member_id)");
        Sql.exec(db, "delete from level_change where created_at >= ?", since.atOffset(ZoneOffset.UTC));
        Sql.exec(db, "delete from outbox_event where created_at >= ?", since.atOffset(ZoneOffset.UTC));
        Sql.exec(db, "vacuum analyze member_level, member_tag, level_change, outbox_event");
    }

    /** Keeps a phase's end state (each member's level, the tagged members) under {@code name} for {@link #differences}. */
    void keepEndState(String name) throws SQLException {
        Sql.exec(db, "drop table if exists bench_level_" + name + ", bench_tag_" + name);
        Sql.exec(db, "create table bench_level_" + name + " as select member_id, level_id from member_level where tenant_id = ?", merchant.tenantId());
        Sql.exec(db, "create table bench_tag_" + name + " as select member_id from member_tag where tenant_id = ? and tag_id = cast(? as uuid)",
                merchant.tenantId(), merchant.tagId());
    }

    /** Members whose level or tag differs between two kept end states, a few of each, described; empty when they agree. */
    List<String> differences(String a, String b) throws SQLException {
        List<String> found = new ArrayList<>();
        long levels = Sql.number(db, "select count(*) from bench_level_" + a + " x full join bench_level_" + b
                + " y on x.member_id = y.member_id where x.level_id is distinct from y.level_id");
        if (levels > 0) {
            found.add(levels + " members end on a different level, e.g. " + sample("select coalesce(x.member_id, y.member_id) || ': ' || "
                    + "coalesce(x.level_id::text, 'none') || ' vs ' || coalesce(y.level_id::text, 'none') from bench_level_" + a
                    + " x full join bench_level_" + b + " y on x.member_id = y.member_id where x.level_id is distinct from y.level_id limit 3"));
        }
        long tags = Sql.number(db, "select count(*) from bench_tag_" + a + " x full join bench_tag_" + b
                + " y on x.member_id = y.member_id where x.member_id is null or y.member_id is null");
        if (tags > 0) {
            found.add(tags + " members carry the tag in one end state only, e.g. " + sample("select coalesce(x.member_id, y.member_id) || "
                    + "case when x.member_id is null then ' only in " + b + "' else ' only in " + a + "' end from bench_tag_" + a
                    + " x full join bench_tag_" + b + " y on x.member_id = y.member_id where x.member_id is null or y.member_id is null limit 3"));
        }
        return found;
    }

    /** Every {@code step}-th member's id: the members the concurrent orders go to. */
    List<String> someMembers(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var statement = db.prepareStatement("select id::text from bench_member where n % greatest(1, (select count(*) from bench_member) / ?) = 0 limit ?")) {
            statement.setInt(1, count);
            statement.setInt(2, count);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private String sample(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return String.join("; ", rows);
    }

    private void analyze() throws SQLException {
        Sql.exec(db, "vacuum analyze member, member_order");
    }

    private interface Step {
        long run() throws SQLException;
    }

    private static void step(String what, Step step) throws SQLException {
        long start = System.nanoTime();
        long rows = step.run();
        System.out.printf("    %-36s %,10d rows  %6.1f s%n", what, rows, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
