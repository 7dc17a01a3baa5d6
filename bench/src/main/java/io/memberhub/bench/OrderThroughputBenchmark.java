package io.memberhub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durable orders per second through the real HTTP API (token check, tenant binding, idempotency
 * claim, order row, points ledger and balance, level evaluation, outbox row, answer stored: one
 * transaction) next to the same SQL statements run directly over JDBC with the same concurrency,
 * in the same run against the same PostgreSQL. Prints both and their ratio.
 */
public final class OrderThroughputBenchmark {

    private static final int MEMBERS = 100;

    private OrderThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int orders = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        System.out.println("==> Orders benchmark: " + orders + " orders per phase, " + concurrency + " concurrent clients, "
                + rounds + " rounds");
        try (PlatformRun run = PlatformRun.start(repo)) {
            Api api = run.api();
            Merchant merchant = Merchant.prepare(api, run.keycloak());
            System.out.println("==> Warming up");
            httpPhase(api, merchant, "warm-http", Math.max(500, orders / 4), concurrency);
            sqlPhase(run, merchant, "warm-sql", Math.max(500, orders / 4), concurrency);

            double[] http = new double[rounds];
            double[] sql = new double[rounds];
            double[] ratio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                sql[round] = sqlPhase(run, merchant, "sql" + round, orders, concurrency);
                http[round] = httpPhase(api, merchant, "http" + round, orders, concurrency);
                ratio[round] = http[round] / sql[round];
                System.out.printf("    round %d: HTTP API %.0f orders/s, direct SQL %.0f orders/s, ratio %.2f%n",
                        round + 1, http[round], sql[round], ratio[round]);
            }
            // Each round compares the two phases on the same data (the fact tables grow every round, which
            // slows both) and the platform's JIT keeps improving for thousands of requests, so the figure is
            // the median ratio of the later half of the rounds: steady state, like against like.
            double[] steady = Arrays.copyOfRange(ratio, rounds / 2, rounds);
            Arrays.sort(steady);
            double median = steady.length % 2 == 1 ? steady[steady.length / 2]
                    : (steady[steady.length / 2 - 1] + steady[steady.length / 2]) / 2;
            System.out.println();
            System.out.printf("orders via HTTP API (best round)   %8.0f orders/s%n", Arrays.stream(http).max().orElseThrow());
            System.out.printf("same SQL over JDBC (best round)    %8.0f orders/s%n", Arrays.stream(sql).max().orElseThrow());
            System.out.printf("ratio HTTP / SQL (median, rounds %d-%d) %5.2f   (target >= 0.50)%n", rounds / 2 + 1, rounds, median);
        }
    }

    /** The benchmark's merchant: a level ladder that makes every order evaluate real rules, and its members. */
    record Merchant(String tenantId, List<String> members) {

        static Merchant prepare(Api api, String keycloak) throws Exception {
            String tenantId = api.signUpMerchant(keycloak);
            api.post("/api/v1/levels", "{\"name\":\"Regular\",\"rank\":0}", 201);
            api.post("/api/v1/levels", "{\"name\":\"Silver\",\"rank\":1,\"upgradeRule\":{\"any\":[{\"metric\":\"SPEND\",\"atLeast\":10000000},"
                    + "{\"metric\":\"POINTS_EARNED\",\"atLeast\":500000}]}}", 201);
            api.post("/api/v1/levels", "{\"name\":\"Gold\",\"rank\":2,\"upgradeRule\":{\"all\":[{\"metric\":\"SPEND\",\"atLeast\":30000000,"
                    + "\"window\":{\"months\":12}},{\"metric\":\"ORDER_COUNT\",\"atLeast\":2000,\"window\":{\"months\":3}}]}}", 201);
            List<String> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(Api.field(api.post("/api/v1/members", "{\"phone\":\"1390000" + String.format("%04d", i) + "\"}", 201), "id"));
            }
            return new Merchant(tenantId, members);
        }
    }

    private static double httpPhase(Api api, Merchant merchant, String phase, int orders, int concurrency) throws Exception {
        Instant paidAt = Instant.now().minusSeconds(60);
        try (Load.Connections connections = new Load.Connections(api.base())) {
            return Load.run(orders, concurrency, i -> {
                Orders.post(connections.mine(), api.token(), merchant.members().get(i % MEMBERS), phase + "-" + i, 1000 + i % 5000, paidAt);
            });
        }
    }

    /** The statements the API's order transaction runs, issued directly: the baseline. */
    private static double sqlPhase(PlatformRun run, Merchant merchant, String phase, int orders, int concurrency) throws Exception {
        List<Connection> pool = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Connection db = run.appConnection();
            db.setAutoCommit(false);
            pool.add(db);
        }
        ThreadLocal<Connection> mine = new ThreadLocal<>();
        AtomicInteger next = new AtomicInteger();
        Instant paidAt = Instant.now().minusSeconds(60);
        try {
            return Load.run(orders, concurrency, i -> {
                if (mine.get() == null) {
                    mine.set(pool.get(next.getAndIncrement()));
                }
                orderTransaction(mine.get(), merchant.tenantId(), UUID.fromString(merchant.members().get(i % MEMBERS)),
                        phase + "-" + i, 1000 + i % 5000, paidAt);
            });
        } finally {
            for (Connection db : pool) {
                db.close();
            }
        }
    }

    private static void orderTransaction(Connection db, String tenant, UUID member, String externalId, long amount, Instant paidAt)
            throws SQLException {
        java.sql.Timestamp paid = java.sql.Timestamp.from(paidAt);
        Sql.exec(db, "select set_config('app.tenant_id', ?, true)", tenant);
        Sql.exec(db, "insert into idempotency_record (tenant_id, scope, key, request_hash, status, response, created_at) "
                + "values (?, 'order', ?, 'h', 0, '{}'::jsonb, now()) on conflict do nothing", tenant, externalId);
        Sql.exec(db, "select 1 from member where tenant_id = ? and id = ? and deleted_at is null for no key update", tenant, member);
        Sql.exec(db, "select points_per_yuan, validity_days from points_settings where tenant_id = ?", tenant);
        Sql.exec(db, "select level_id, since, pinned_level_id, pinned_until, next_review_at, downgrade_due, paid_level_id, paid_since, paid_until "
                + "from member_level where tenant_id = ? and member_id = ?", tenant, member);
        UUID order = UUID.randomUUID();
        Sql.exec(db, "insert into member_order (tenant_id, id, member_id, external_id, amount, refunded_amount, points_earned, points_reversed, "
                + "channel, items, paid_at, created_at, version) values (?, ?, ?, ?, ?, 0, ?, 0, 'pos', '[]'::jsonb, ?, now(), 0)",
                tenant, order, member, externalId, amount, amount / 100, paid);
        Sql.exec(db, "insert into points_entry (tenant_id, id, member_id, delta, reason, source_type, source_id, expires_at, created_at) "
                + "values (?, ?, ?, ?, 'ORDER', 'order', ?, now() + interval '365 days', now())", tenant, UUID.randomUUID(), member, amount / 100, externalId);
        Sql.exec(db, "insert into points_balance (tenant_id, member_id, balance, updated_at) values (?, ?, ?, now()) on conflict (tenant_id, member_id) "
                + "do update set balance = points_balance.balance + excluded.balance, updated_at = now() returning balance", tenant, member, amount / 100);
        Sql.exec(db, "select level_id, since, pinned_level_id, pinned_until, next_review_at, downgrade_due, paid_level_id, paid_since, paid_until "
                + "from member_level where tenant_id = ? and member_id = ?", tenant, member);
        Instant now = Instant.now();
        java.sql.Timestamp year = java.sql.Timestamp.from(now.minusSeconds(365L * 86_400));
        java.sql.Timestamp quarter = java.sql.Timestamp.from(now.minusSeconds(91L * 86_400));
        java.sql.Timestamp epoch = java.sql.Timestamp.from(Instant.EPOCH);
        java.sql.Timestamp nowTs = java.sql.Timestamp.from(now);
        Sql.exec(db, "select coalesce(sum(amount - refunded_amount), 0) from member_order where tenant_id = ? and member_id = ? and paid_at >= ? and paid_at <= ?", tenant, member, year, nowTs);
        Sql.exec(db, "select count(*) from member_order where tenant_id = ? and member_id = ? and paid_at >= ? and paid_at <= ? and refunded_amount < amount", tenant, member, quarter, nowTs);
        Sql.exec(db, "select coalesce(sum(amount - refunded_amount), 0) from member_order where tenant_id = ? and member_id = ? and paid_at >= ? and paid_at <= ?", tenant, member, epoch, nowTs);
        Sql.exec(db, "select coalesce(sum(delta), 0) from points_entry where tenant_id = ? and member_id = ? and created_at >= ? and created_at <= ? and reason in ('ORDER', 'REFUND')", tenant, member, epoch, nowTs);
        Sql.exec(db, "insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at) values (?, ?, 'OrderRecorded', 'member', ?, '{}'::jsonb, now())",
                tenant, UUID.randomUUID(), member.toString());
        Sql.exec(db, "update idempotency_record set status = 1, response = '{}'::jsonb where tenant_id = ? and scope = 'order' and key = ?", tenant, externalId);
        db.commit();
    }
}
