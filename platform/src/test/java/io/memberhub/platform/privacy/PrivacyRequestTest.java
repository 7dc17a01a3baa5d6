package io.memberhub.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.export.MerchantData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class PrivacyRequestTest {

    private static final List<String> LEDGER_TABLES = List.of("points_entry", "wallet_entry", "member_order", "order_refund", "coupon",
            "top_up", "wallet_payment", "level_change", "level_purchase");

    @TempDir
    Path build;

    @Test
    void aMemberGetsEverythingHeldAboutThemThenIsErasedToAShellWhoseLedgersStillAddUp() throws IOException {
        Merchant m = Merchants.signUp("privacy");
        MerchantData.Filled data = MerchantData.fill(m, build);
        String alice = data.alice();
        String gold = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == 'Gold' }.id");
        m.asOwner().body(Map.of("levelId", gold, "reason", "Alice is the owner's cousin")).put("/api/v1/members/" + alice + "/level")
                .then().statusCode(200);
        Merchants.as(Merchants.staffToken(m, "operator")).get("/api/v1/members/" + alice + "/export").then().statusCode(403);

        JsonPath before = m.asOwner().get("/api/v1/members/" + alice + "/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"member-" + alice + ".json\"").extract().jsonPath();
        assertThat(before.getString("status")).isEqualTo("ACTIVE");
        assertThat(before.getString("profile.name")).isEqualTo("Alice Wang");
        assertThat(before.getString("customFields.find { it.key == 'allergies' }.value")).as("private fields are the person's own").isEqualTo("peanuts");
        assertThat(before.getList("tags.name")).containsExactly("VIP");
        long points = m.asOwner().get("/api/v1/members/" + alice + "/points").then().extract().jsonPath().getLong("balance");
        assertThat(before.getList("records.points_entry.delta", Long.class).stream().mapToLong(Long::longValue).sum())
                .as("the member's whole points ledger").isEqualTo(points);
        assertThat(before.getList("records.points_entry.note")).contains("Alice's birthday call");
        assertThat(before.getList("records.wallet_entry")).isNotEmpty();
        assertThat(before.getList("records.growth_entry.note")).contains("Alice's card from the old system");
        assertThat(before.getList("records.order_refund.reason")).as("rows under the member's orders").containsExactly("Alice said it was too sweet");
        assertThat(before.getList("records.points_allocation")).isNotEmpty();
        assertThat(before.getList("records.member_external_identity.subject")).containsExactly("openid-alice-" + alice);
        assertThat(before.getList("records.member_device.device_id")).contains(data.aliceDevice());
        assertThat(before.getList("records.member_login_failure")).as("sign-ins that failed from the phone").hasSize(1);
        assertThat(before.getList("records.sms_code")).isNotEmpty();
        assertThat(before.getList("records.member_activity.type")).contains("BROWSE");
        assertThat(before.getList("records.coupon")).hasSize(1);
        assertThat(before.getList("records.level_change.kind")).contains("MANUAL");
        assertThat(before.getList("records.member_order")).hasSize(1);
        String document = m.asOwner().get("/api/v1/members/" + alice + "/export").asString();
        data.secrets().forEach(secret -> assertThat(document).doesNotContain(secret));
        Map<String, Long> rowsBefore = ledgerRows(m, alice);

        String key = UUID.randomUUID().toString();
        Map<String, String> erase = Map.of("confirm", "ERASE", "reason", "Alice asked us by email to forget her");
        JsonPath erased = m.asOwner().header("Idempotency-Key", key).body(erase).post("/api/v1/members/" + alice + "/erasure")
                .then().statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("ERASED")).body("login", equalTo("DELETED"))
                .body("removed.identities", equalTo(1)).body("removed.tags", equalTo(1)).body("removed.loginFailures", equalTo(1))
                .extract().jsonPath();
        m.asOwner().header("Idempotency-Key", key).body(erase).post("/api/v1/members/" + alice + "/erasure")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("erasedAt", equalTo(erased.getString("erasedAt")));
        m.asOwner().header("Idempotency-Key", UUID.randomUUID().toString()).body(erase).post("/api/v1/members/" + alice + "/erasure")
                .then().statusCode(409).body("code", equalTo("MEMBER_ALREADY_ERASED"));

        // What the API shows: the member is gone from every list; the export is the shell alone.
        m.asOwner().get("/api/v1/members/" + alice).then().statusCode(404);
        m.asOwner().queryParam("q", "Alice").get("/api/v1/members").then().statusCode(200).body("items.id", not(hasItem(alice)));
        assertThat(m.asOwner().accept("text/csv").get("/api/v1/members/export").asString()).doesNotContain(alice);
        String segment = m.asOwner().get("/api/v1/segments").then().extract().path("find { it.name == 'VIPs' }.id");
        m.asOwner().get("/api/v1/segments/" + segment + "/members").then().statusCode(200).body("items.id", not(hasItem(alice)));
        String after = m.asOwner().get("/api/v1/members/" + alice + "/export").then().statusCode(200).extract().asString();
        JsonPath shell = JsonPath.from(after);
        assertThat(shell.getString("status")).isEqualTo("ERASED");
        assertThat(shell.getString("profile.phone")).isEqualTo("erased:" + alice);
        assertThat(shell.getString("erasure.login")).isEqualTo("DELETED");
        assertThat(shell.getMap("$")).doesNotContainKeys("records", "customFields", "tags");
        assertThat(after).doesNotContain("Alice").doesNotContain(data.alicePhone()).doesNotContain("peanuts").doesNotContain("Peach");

        // What the database holds: a pseudonymous shell, every ledger line still there and still adding up, no free text.
        Map<String, Object> row = TenantSql.query(m.id(), "select * from member where id = ?::uuid", alice).getFirst();
        assertThat(row).containsEntry("status", "ERASED").containsEntry("name", null).containsEntry("email", null)
                .containsEntry("birthday", null).containsEntry("avatar_url", null).containsEntry("user_id", null)
                .containsEntry("gender", "UNDISCLOSED").containsEntry("phone", "erased:" + alice);
        assertThat(String.valueOf(row.get("custom_fields"))).isEqualTo("{}");
        assertThat(String.valueOf(row.get("addresses"))).isEqualTo("[]");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(ledgerRows(m, alice)).as("ledger lines, orders and history stay").isEqualTo(rowsBefore);
        assertThat(count(m, "select count(*) from points_entry where member_id = ?::uuid and note is not null", alice)).isZero();
        assertThat(count(m, "select count(*) from wallet_entry where member_id = ?::uuid and note is not null", alice)).isZero();
        assertThat(count(m, "select count(*) from growth_entry where member_id = ?::uuid and note is not null", alice)).isZero();
        assertThat(count(m, "select count(*) from order_refund r join member_order o on o.id = r.order_id "
                + "where o.member_id = ?::uuid and r.reason is not null", alice)).isZero();
        assertThat(count(m, "select count(*) from level_change where member_id = ?::uuid and explanation::text like '%cousin%'", alice)).isZero();
        for (String personal : List.of("member_external_identity", "member_device", "login_challenge", "member_activity", "member_tag")) {
            assertThat(count(m, "select count(*) from " + personal + " where member_id = ?::uuid", alice)).as(personal).isZero();
        }
        assertThat(count(m, "select count(*) from sms_code where phone = ?", data.alicePhone())).isZero();
        assertThat(count(m, "select count(*) from points_entry where member_id = ?::uuid", alice)).isPositive();
        assertThat(count(m, "select coalesce(sum(delta), 0) from points_entry where member_id = ?::uuid", alice))
                .as("points ledger = balance").isEqualTo(count(m, "select balance from points_balance where member_id = ?::uuid", alice))
                .isEqualTo(points);
        assertThat(count(m, "select coalesce(sum(delta), 0) from wallet_entry where member_id = ?::uuid", alice))
                .as("stored-value ledger = balance").isEqualTo(count(m, "select balance from wallet_balance where member_id = ?::uuid", alice));
        assertThat(TenantSql.events(m.id(), "MemberErased")).as("Carol's and Alice's erasures").isEqualTo(2);

        // The login is gone; the phone is free for a new member.
        assertThat(KeycloakAdminAccess.usersByUsername(data.alicePhone())).isEmpty();
        Merchants.as(data.aliceToken()).get("/api/member/me").then().statusCode(403);
        String newToken = MerchantData.signIn(m, data.alicePhone(), "new-phone");
        String newcomer = Merchants.as(newToken).get("/api/member/me").then().statusCode(200).extract().path("id");
        assertThat(newcomer).isNotEqualTo(alice);
    }

    @Test
    void anErasureIsConfirmedWithAReasonByAnOwnerOrAdminOfThisMerchantOnly() {
        Merchant m = Merchants.signUp("erasure-rules");
        Merchant other = Merchants.signUp("erasure-other");
        String phone = MerchantData.phone();
        String member = m.asOwner().body(Map.of("phone", phone, "name", "Dan")).post("/api/v1/members").then().statusCode(201)
                .extract().path("id");
        String url = "/api/v1/members/" + member + "/erasure";

        m.asOwner().header("Idempotency-Key", "k1").body(Map.of("reason", "asked")).post(url).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("confirm"));
        m.asOwner().header("Idempotency-Key", "k1").body(Map.of("confirm", "erase", "reason", " ")).post(url).then().statusCode(400)
                .body("errors.field", equalTo(List.of("confirm", "reason")));
        m.asOwner().body(Map.of("confirm", "ERASE", "reason", "asked")).post(url).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        Merchants.as(Merchants.staffToken(m, "operator")).header("Idempotency-Key", "k2").body(Map.of("confirm", "ERASE", "reason", "asked"))
                .post(url).then().statusCode(403);
        other.asOwner().header("Idempotency-Key", "k3").body(Map.of("confirm", "ERASE", "reason", "asked")).post(url).then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
        other.asOwner().get("/api/v1/members/" + member + "/export").then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        m.asOwner().get("/api/v1/members/" + member).then().statusCode(200).body("name", equalTo("Dan"));
        assertThat(TenantSql.events(m.id(), "MemberErased")).isZero();

        String admin = Merchants.staffToken(m, "admin");
        m.asOwner().delete("/api/v1/members/" + member).then().statusCode(204);
        Merchants.as(admin).get("/api/v1/members/" + member + "/export").then().statusCode(200)
                .body("status", equalTo("DELETED")).body("profile.name", equalTo("Dan"));
        Merchants.as(admin).header("Idempotency-Key", "k4").body(Map.of("confirm", "ERASE", "reason", "asked after leaving"))
                .post(url).then().statusCode(201).body("login", equalTo("NONE"));
        m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201);
    }

    @Test
    void aLoginTheSamePersonUsesAtAnotherMerchantOnlyLeavesThisOne() {
        Merchant shop = Merchants.signUp("erasure-shop");
        Merchant gym = Merchants.signUp("erasure-gym");
        String phone = MerchantData.phone();
        // One account for the person, a member of both merchants (one code a minute per phone and merchant: one sign-in each).
        String atShop = Merchants.as(MerchantData.signIn(shop, phone, "handset-1")).get("/api/member/me").then().extract().path("id");
        String gymToken = MerchantData.signIn(gym, phone, "handset-1");

        shop.asOwner().header("Idempotency-Key", "erase").body(Map.of("confirm", "ERASE", "reason", "asked"))
                .post("/api/v1/members/" + atShop + "/erasure").then().statusCode(201).body("login", equalTo("LEFT_MERCHANT"));
        assertThat(KeycloakAdminAccess.usersByUsername(phone)).hasSize(1);
        Merchants.as(gymToken).get("/api/member/me").then().statusCode(200).body("phone", equalTo(phone));
    }

    private static Map<String, Long> ledgerRows(Merchant m, String member) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : LEDGER_TABLES) {
            String where = table.equals("order_refund")
                    ? "order_id in (select id from member_order where member_id = ?::uuid)" : "member_id = ?::uuid";
            rows.put(table, count(m, "select count(*) from " + table + " where " + where, member));
        }
        return rows;
    }

    private static long count(Merchant m, String sql, Object... params) {
        return ((Number) TenantSql.query(m.id(), sql, params).getFirst().values().iterator().next()).longValue();
    }
}
