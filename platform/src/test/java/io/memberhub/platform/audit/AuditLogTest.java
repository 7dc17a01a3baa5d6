package io.memberhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log of a merchant: what a staff action leaves behind, what a refused or rolled-back one
 * does not, who may read it, how it is searched, and that the application cannot rewrite it.
 */
@QuarkusTest
class AuditLogTest {

    @Test
    void aStaffActionLeavesOneEntrySayingWhoDidWhatToWhatWhenAndFromWhere() {
        Merchant m = Merchants.signUp("audit");
        String memberId = m.member(phone());
        String ownerUserId = m.asOwner().get("/api/v1/staff/me").then().extract().path("userId");
        Instant before = Instant.now();

        m.asOwner().header("User-Agent", "FrontDesk/2.1 (audit test)").header("X-Request-Id", "req-" + memberId)
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.5")
                .body(Map.of("name", "Li Lei", "fields", Map.of())).patch("/api/v1/members/" + memberId).then().statusCode(200);

        JsonPath page = log(m, Map.of("action", "member.updated"));
        assertThat(page.getList("entries")).hasSize(1);
        assertThat(page.getString("entries[0].actor.kind")).isEqualTo("STAFF");
        assertThat(page.getString("entries[0].actor.id")).isEqualTo(ownerUserId);
        assertThat(page.getString("entries[0].actor.email")).isEqualTo(m.ownerEmail());
        assertThat(page.getString("entries[0].actor.role")).isEqualTo("owner");
        assertThat(page.getString("entries[0].target.type")).isEqualTo("member");
        assertThat(page.getString("entries[0].target.id")).isEqualTo(memberId);
        assertThat(page.getList("entries[0].details.changed")).as("the names of what changed, never the values").containsExactly("name");
        assertThat(page.getString("entries[0].sourceIp")).as("the client a trusted proxy forwarded for").isEqualTo("203.0.113.7");
        assertThat(page.getString("entries[0].userAgent")).isEqualTo("FrontDesk/2.1 (audit test)");
        assertThat(page.getString("entries[0].requestId")).isEqualTo("req-" + memberId);
        assertThat(Instant.parse(page.getString("entries[0].occurredAt"))).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(page.getString("entries").toString()).doesNotContain("Li Lei");

        assertThat(log(m, Map.of("targetId", memberId)).getList("entries.action"))
                .as("the member's creation was audited too").containsExactly("member.updated", "member.created");
    }

    @Test
    void aForwardedAddressFromAPeerThatIsNoTrustedProxyIsIgnored() throws IOException {
        Merchant m = Merchants.signUp("audit-peer");
        String memberId = m.member(phone());

        String status = rawPatch(InetAddress.getByName("127.0.0.2"), "/api/v1/members/" + memberId, m.ownerToken(),
                "{\"name\":\"Han Meimei\"}", "198.51.100.23");

        assertThat(status).contains(" 200 ");
        JsonPath page = log(m, Map.of("action", "member.updated"));
        assertThat(page.getString("entries[0].sourceIp")).as("the peer itself, not what it claims").isEqualTo("127.0.0.2");
    }

    @Test
    void refusedAndRolledBackActionsLeaveNoEntryAndARetryIsRecordedOnce() {
        Merchant m = Merchants.signUp("audit-refused");
        String memberId = m.member(phone());
        String operator = Merchants.staffToken(m, "operator");
        int before = log(m, Map.of()).getList("entries").size();

        Merchants.as(operator).delete("/api/v1/members/" + memberId).then().statusCode(403);
        m.asOwner().delete("/api/v1/members/" + UUID.randomUUID()).then().statusCode(404);
        m.asOwner().body(Map.of("email", "not an email")).patch("/api/v1/members/" + memberId).then().statusCode(400);
        m.asOwner().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("points", -5, "reason", "too many"))
                .post("/api/v1/members/" + memberId + "/points/adjustments").then().statusCode(422);
        // An import that wrote its good row, then was rejected as a whole: the row and the entry go together.
        m.asOwner().contentType("text/csv; charset=UTF-8").queryParam("mode", "all").body("phone\n13700000001\nnot-a-phone\n")
                .post("/api/v1/members/import").then().statusCode(422);
        m.asOwner().queryParam("phone", "13700000001").get("/api/v1/members").then().body("total", equalTo(0));

        assertThat(log(m, Map.of()).getList("entries")).as("nothing happened, nothing was recorded").hasSize(before);

        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            m.asOwner().header("Idempotency-Key", key).body(Map.of("points", 10, "reason", "goodwill"))
                    .post("/api/v1/members/" + memberId + "/points/adjustments").then().statusCode(201);
        }
        JsonPath adjusted = log(m, Map.of("action", "points.adjusted"));
        assertThat(adjusted.getList("entries")).as("the replayed retry changed nothing").hasSize(1);
        assertThat(adjusted.getInt("entries[0].details.points")).isEqualTo(10);
        assertThat(adjusted.getString("entries[0].target.id")).isEqualTo(memberId);
    }

    @Test
    void aMerchantReadsItsOwnLogOnlyAndOnlyOwnersAndAdminsMay() {
        Merchant a = Merchants.signUp("audit-a");
        Merchant b = Merchants.signUp("audit-b");
        String aMember = a.member(phone());
        b.member(phone());
        String admin = Merchants.staffToken(a, "admin");
        String operator = Merchants.staffToken(a, "operator");

        assertThat(log(b, Map.of("targetId", aMember)).getList("entries")).isEmpty();
        assertThat(log(b, Map.of()).getList("entries.actor.email")).doesNotContain(a.ownerEmail()).contains(b.ownerEmail());
        Merchants.as(admin).get("/api/v1/audit-log").then().statusCode(200).body("entries.target.id", hasItem(aMember));
        Merchants.as(operator).get("/api/v1/audit-log").then().statusCode(403).contentType("application/problem+json");
        Merchants.as(KeycloakAdminAccess.platformAdminToken()).get("/api/v1/audit-log").then().statusCode(403);
        RestAssured.given().get("/api/v1/audit-log").then().statusCode(401);
        a.asOwner().get("/api/v1/operator/audit-log").then().statusCode(403);

        // Row-level security is the second wall: under B's setting the application's role sees none of A's rows.
        assertThat(count(b.id(), "select count(*) as n from audit_entry where tenant_id = ?", a.id())).isZero();
        assertThat(count(a.id(), "select count(*) as n from audit_entry where tenant_id = ?", a.id())).isPositive();
        assertThat(count(b.id(), "select count(*) as n from audit_entry")).isEqualTo(log(b, Map.of()).getList("entries").size());
    }

    @Test
    void theLogIsSearchedByActorActionTargetTimeAndTextAndPagedNewestFirst() {
        Merchant m = Merchants.signUp("audit-search");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(m.member(phone()));
        }
        String adminEmail = "admin-" + UUID.randomUUID() + "@" + m.slug() + ".test";
        m.asOwner().body(Map.of("email", adminEmail, "role", "admin", "initialPassword", Merchants.PASSWORD)).post("/api/v1/staff")
                .then().statusCode(201);
        String admin = Merchants.token(adminEmail, Merchants.PASSWORD);
        Merchants.as(admin).body(Map.of("name", "Wei")).patch("/api/v1/members/" + members.get(1)).then().statusCode(200);
        m.asOwner().body(Map.of("key", "shoe_size", "label", "Shoe size", "type", "TEXT")).post("/api/v1/member-fields").then().statusCode(201);

        JsonPath all = log(m, Map.of());
        assertThat(all.getList("entries.action")).containsExactly("member_field.defined", "member.updated", "staff.invited",
                "member.created", "member.created", "member.created");
        assertThat(log(m, Map.of("action", "member.")).getList("entries.action"))
                .containsExactly("member.updated", "member.created", "member.created", "member.created");
        assertThat(log(m, Map.of("action", "member.created")).getList("entries")).hasSize(3);
        assertThat(log(m, Map.of("targetType", "member", "targetId", members.get(1))).getList("entries.action"))
                .containsExactly("member.updated", "member.created");
        assertThat(log(m, Map.of("actor", adminEmail.toUpperCase())).getList("entries.action")).containsExactly("member.updated");
        assertThat(log(m, Map.of("q", "shoe_")).getList("entries.action")).containsExactly("member_field.defined");
        assertThat(log(m, Map.of("q", members.get(2).substring(0, 13))).getList("entries.target.id")).containsExactly(members.get(2));

        String staffInvited = all.getString("entries[2].occurredAt");
        assertThat(log(m, Map.of("from", staffInvited)).getList("entries.action"))
                .containsExactly("member_field.defined", "member.updated", "staff.invited");
        assertThat(log(m, Map.of("to", staffInvited)).getList("entries")).hasSize(3);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = cursor == null ? Map.of("size", 4) : Map.of("size", 4, "cursor", cursor);
            JsonPath page = log(m, query);
            paged.addAll(page.getList("entries.id"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).isEqualTo(all.getList("entries.id"));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("size", 0), Map.of("size", 201), Map.of("from", "yesterday"),
                Map.of("cursor", "not-a-cursor"), Map.of("action", "Member!"), Map.of("from", staffInvited, "to", staffInvited))) {
            m.asOwner().queryParams(bad).get("/api/v1/audit-log").then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    @Test
    void theApplicationsRoleCanNeitherChangeNorDeleteEntries() {
        Merchant m = Merchants.signUp("audit-append-only");
        m.member(phone());

        for (String sql : List.of("update audit_entry set action = 'member.forged'", "delete from audit_entry",
                "update platform_audit_entry set action = 'market.forged'", "delete from platform_audit_entry")) {
            assertThatThrownBy(() -> TenantSql.update(m.id(), sql)).as(sql).hasMessageContaining("permission denied");
        }
        assertThat(log(m, Map.of()).getList("entries.action")).containsExactly("member.created");
    }

    static JsonPath log(Merchant m, Map<String, ?> query) {
        return m.asOwner().queryParams(query).get("/api/v1/audit-log").then().statusCode(200).extract().jsonPath();
    }

    private static long count(String tenantId, String sql, Object... params) {
        return ((Number) TenantSql.query(tenantId, sql, params).getFirst().get("n")).longValue();
    }

    private static String phone() {
        return String.format("139%08d", (System.nanoTime() / 1000) % 100_000_000);
    }

    /** A PATCH over a plain socket from {@code from}, as a client the platform's proxy settings do not trust; the status line. */
    private static String rawPatch(InetAddress from, String path, String token, String json, String forwardedFor) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-Forwarded-For: " + forwardedFor
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().findFirst().orElse("");
        }
    }
}
