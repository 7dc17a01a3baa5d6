package io.memberhub.platform.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.webhook.Receiver;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One merchant's books read straight from PostgreSQL (as the tables' owner, inside the merchant's
 * row-level-security scope), held against what its systems were told: per member the ledgers sum
 * to the balances, every acknowledged write is there exactly once with its ledger line, and every
 * event of those writes reached the merchant's webhook.
 */
final class Books {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The webhook event types the merchant subscribes to: one per kind of write of the {@link Workload}. */
    static final List<String> EVENT_TYPES = List.of("OrderRecorded", "PointsRedeemed", "TopUpRecorded", "WalletPaid", "CouponIssued",
            "CouponRedeemed");

    /** What the check found, for the scenario's summary. */
    record Audit(int members, int orders, int redemptions, int topUps, int payments, int coupons, int couponsRedeemed, int events,
                 int deliveries) {
        int writes() {
            return orders + redemptions + topUps + payments + coupons + couponsRedeemed;
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String tenantId;

    Books(String jdbcUrl, String user, String password, String tenantId) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.tenantId = tenantId;
    }

    /** Outbox events not yet published and webhook deliveries not yet delivered: zero once everything went out. */
    int undelivered() throws SQLException {
        try (Connection db = open()) {
            return (int) (number(db, "select count(*) from outbox_event where published_at is null")
                    + number(db, "select count(*) from webhook_delivery where status <> 'DELIVERED'"));
        }
    }

    /** Checks every member's books and the events the receiver got; fails with what is wrong. */
    Audit check(List<Workload.Member> members, Receiver receiver) throws SQLException, IOException {
        Map<String, Set<String>> eventIds = new HashMap<>();
        Map<String, Integer> receipts = new HashMap<>();
        for (Receiver.Received r : receiver.received()) {
            JsonNode event = JSON.readTree(r.body());
            JsonNode data = event.path("data");
            String key = event.get("type").asText() + ":" + (data.has("externalId") ? data.get("externalId").asText() : data.path("code").asText());
            eventIds.computeIfAbsent(key, k -> new HashSet<>()).add(event.get("id").asText());
            receipts.merge(key, 1, Integer::sum);
        }
        int deliveries = 0;
        int events = 0;
        try (Connection db = open()) {
            for (Workload.Member m : members) {
                String who = "member " + m.id + ": ";
                long pointsBalance = number(db, "select coalesce(max(balance), 0) from points_balance where member_id = ?::uuid", m.id);
                assertThat(number(db, "select coalesce(sum(delta), 0) from points_entry where member_id = ?::uuid", m.id))
                        .as(who + "sum of the points ledger").isEqualTo(pointsBalance);
                assertThat(pointsBalance).as(who + "points balance (orders' points less redemptions)").isEqualTo(m.points);
                long walletBalance = number(db, "select coalesce(max(balance), 0) from wallet_balance where member_id = ?::uuid", m.id);
                assertThat(number(db, "select coalesce(sum(delta), 0) from wallet_entry where member_id = ?::uuid", m.id))
                        .as(who + "sum of the stored-value ledger").isEqualTo(walletBalance);
                assertThat(walletBalance).as(who + "stored value (top-ups less payments)").isEqualTo(m.wallet);

                assertThat(counts(db, "select external_id from member_order where member_id = ?::uuid", m.id))
                        .as(who + "orders recorded, each once").isEqualTo(once(m.orders.keySet()));
                Map<String, Long> earned = new HashMap<>();
                rows(db, "select source_id, delta from points_entry where member_id = ?::uuid and source_type = 'order'", m.id)
                        .forEach(r -> earned.merge(r[0], Long.parseLong(r[1]), Long::sum));
                assertThat(counts(db, "select source_id from points_entry where member_id = ?::uuid and source_type = 'order'", m.id))
                        .as(who + "points earning lines per order").isEqualTo(once(m.orders.keySet()));
                assertThat(earned).as(who + "points each order earned").isEqualTo(m.orders);

                recordedOnce(db, m, "points redemptions", "select external_id from points_redemption where member_id = ?::uuid",
                        "select source_id from points_entry where member_id = ?::uuid and reason = 'REDEMPTION'", m.redemptions);
                recordedOnce(db, m, "top-ups", "select external_id from top_up where member_id = ?::uuid",
                        "select source_id from wallet_entry where member_id = ?::uuid and kind = 'TOP_UP'", m.topUps);
                recordedOnce(db, m, "stored-value payments", "select external_id from wallet_payment where member_id = ?::uuid",
                        "select source_id from wallet_entry where member_id = ?::uuid and kind = 'PAYMENT'", m.payments);
                Map<String, String> coupons = new HashMap<>();
                rows(db, "select code, status, redeemed_order from coupon where member_id = ?::uuid", m.id)
                        .forEach(r -> coupons.put(r[0], "REDEEMED".equals(r[1]) ? r[2] : null));
                assertThat(coupons).as(who + "coupons issued, each once, and the order each was redeemed on").isEqualTo(m.coupons);

                for (String event : expectedEvents(m)) {
                    assertThat(eventIds.getOrDefault(event, Set.of())).as(who + "distinct events delivered for " + event).hasSize(1);
                    deliveries += receipts.get(event);
                    events++;
                }
            }
        }
        return new Audit(members.size(), sum(members, m -> m.orders.size()), sum(members, m -> m.redemptions.size()),
                sum(members, m -> m.topUps.size()), sum(members, m -> m.payments.size()), sum(members, m -> m.coupons.size()),
                sum(members, m -> (int) m.coupons.values().stream().filter(o -> o != null).count()), events, deliveries);
    }

    /** Each of {@code ids} is a row of its table once ({@code rows}) and has one line in its ledger ({@code lines}), and nothing else is. */
    private static void recordedOnce(Connection db, Workload.Member m, String what, String rows, String lines, List<String> ids)
            throws SQLException {
        assertThat(counts(db, rows, m.id)).as("member " + m.id + ": " + what + ", each once").isEqualTo(once(ids));
        assertThat(counts(db, lines, m.id)).as("member " + m.id + ": ledger lines of the " + what).isEqualTo(once(ids));
    }

    /** {@code Type:reference} of each event the member's acknowledged writes must have published. */
    private static Set<String> expectedEvents(Workload.Member m) {
        Set<String> events = new HashSet<>();
        m.orders.keySet().forEach(id -> events.add("OrderRecorded:" + id));
        m.redemptions.forEach(id -> events.add("PointsRedeemed:" + id));
        m.topUps.forEach(id -> events.add("TopUpRecorded:" + id));
        m.payments.forEach(id -> events.add("WalletPaid:" + id));
        m.coupons.forEach((code, order) -> {
            events.add("CouponIssued:" + code);
            if (order != null) {
                events.add("CouponRedeemed:" + order);
            }
        });
        return events;
    }

    private static int sum(List<Workload.Member> members, java.util.function.ToIntFunction<Workload.Member> count) {
        return members.stream().mapToInt(count).sum();
    }

    private static Map<String, Long> once(java.util.Collection<String> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> 1L));
    }

    private Connection open() throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, user, password);
        try (PreparedStatement scope = db.prepareStatement("select set_config('app.tenant_id', ?, false)")) {
            scope.setString(1, tenantId);
            scope.execute();
        }
        return db;
    }

    private static long number(Connection db, String sql, String... parameters) throws SQLException {
        return Long.parseLong(rows(db, sql, parameters).getFirst()[0]);
    }

    /** How often each value of the query's one column occurs. */
    private static Map<String, Long> counts(Connection db, String sql, String... parameters) throws SQLException {
        return rows(db, sql, parameters).stream().collect(Collectors.groupingBy(r -> r[0], Collectors.counting()));
    }

    private static List<String[]> rows(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                List<String[]> rows = new java.util.ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getString(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
