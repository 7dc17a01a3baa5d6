package io.memberhub.platform.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The activity log as merchants' systems, members' apps and the console use it. */
@QuarkusTest
class ActivityTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    ActivityRetention retention;

    @Test
    void aBatchAnswersPerItemAndStoresTheGoodOnesOnce() {
        Merchant m = Merchants.signUp("activity-batch");
        String phone = phone();
        String byPhone = member(m, phone);
        String byId = member(m, phone());
        Instant at = Instant.now().minusSeconds(600);
        List<Map<String, Object>> items = List.of(
                item(Map.of("phone", phone, "type", "BROWSE", "subject", "sku-1", "attributes", Map.of("page", "detail")), at),
                item(Map.of("memberId", byId, "type", "PURCHASE", "subject", "sku-2", "idempotencyKey", "pos-1"), at),
                item(Map.of("memberId", byId, "type", "PURCHASE", "subject", "sku-2", "idempotencyKey", "pos-1"), at),
                item(Map.of("memberId", byId, "type", "TELEPORT"), at),
                item(Map.of("phone", "19999999999", "type", "BROWSE"), at),
                item(Map.of("memberId", byId, "type", "BROWSE"), Instant.now().plusSeconds(3600)),
                Map.of("memberId", byId, "type", "BROWSE", "occurredAt", "yesterday"),
                item(Map.of("type", "BROWSE"), at));

        m.asOwner().body(Map.of("items", items)).post("/api/v1/activity").then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(5))
                .body("results.status", equalTo(List.of("ACCEPTED", "ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results.code", equalTo(java.util.Arrays.asList(null, null, null, "UNKNOWN_ACTIVITY_TYPE", "MEMBER_NOT_FOUND",
                        "OCCURRED_AT_IN_FUTURE", "MALFORMED_ITEM", "MEMBER_REQUIRED")))
                .body("results[6].index", equalTo(6));
        // A retry of the whole batch stores nothing twice that carries a key.
        m.asOwner().body(Map.of("items", List.of(items.get(1)))).post("/api/v1/activity").then().statusCode(200)
                .body("results[0].status", equalTo("DUPLICATE"));

        m.asOwner().get("/api/v1/members/" + byPhone + "/activity").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("BROWSE")).body("items[0].subject", equalTo("sku-1"))
                .body("items[0].attributes.page", equalTo("detail")).body("items[0].source", equalTo("STAFF")).body("next", nullValue());
        m.asOwner().get("/api/v1/members/" + byId + "/activity").then().body("items", hasSize(1));
        m.asOwner().body(Map.of("items", List.of())).post("/api/v1/activity").then().statusCode(400);
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("items", List.of(item(Map.of("memberId", byId, "type", "LOGIN"), at))))
                .post("/api/v1/activity").then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void devicesAndMembersAppsLogActivityToo() {
        Merchant m = Merchants.signUp("activity-app");
        String phone = phone();
        String memberToken = SmsInbox.memberToken(m, phone);
        String memberId = Merchants.as(memberToken).get("/api/member/me").then().statusCode(200).extract().path("id");
        Instant at = Instant.now().minusSeconds(60);

        Merchants.as(memberToken).body(Map.of("items", List.of(
                        item(Map.of("type", "BROWSE", "subject", "/pages/home", "idempotencyKey", "app-1"), at),
                        item(Map.of("type", "PURCHASE", "subject", "sku-9"), at),
                        item(Map.of("type", "FAVOURITE", "memberId", memberId), at))))
                .post("/api/member/activity").then().statusCode(200)
                .body("results.status", equalTo(List.of("ACCEPTED", "REJECTED", "REJECTED")))
                .body("results[1].code", equalTo("TYPE_NOT_FROM_APP")).body("results[2].code", equalTo("MEMBER_IMPLIED"));
        // The app's keys are the member's own: the same key from the merchant's systems is another event.
        m.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberId, "type", "BROWSE", "idempotencyKey", "app-1"), at))))
                .post("/api/v1/activity").then().body("results[0].status", equalTo("ACCEPTED"));

        JsonPath device = m.asOwner().body(Map.of("name", "Shelf scanner", "kind", "SCANNER")).post("/api/v1/devices").then().statusCode(201)
                .extract().jsonPath();
        String deviceToken = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", device.getString("clientId")).formParam("client_secret", device.getString("clientSecret"))
                .post(device.getString("tokenUrl")).then().statusCode(200).extract().path("access_token");
        Merchants.as(deviceToken).body(Map.of("items", List.of(item(Map.of("phone", phone, "type", "LOGIN"), at.plusSeconds(1)))))
                .post("/api/v1/activity").then().statusCode(200).body("accepted", equalTo(1));
        Merchants.as(deviceToken).get("/api/v1/members/" + memberId + "/activity").then().statusCode(403);
        Merchants.as(memberToken).body(Map.of("items", List.of(item(Map.of("memberId", memberId, "type", "LOGIN"), at))))
                .post("/api/v1/activity").then().statusCode(403);

        // The sign-in that gave the app its token reaches the timeline on its own, from the platform.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                m.asOwner().get("/api/v1/members/" + memberId + "/activity").then().statusCode(200).body("items", hasSize(4)));
        assertThat(m.asOwner().get("/api/v1/members/" + memberId + "/activity").then().extract().jsonPath().getList("items.source"))
                .containsExactlyInAnyOrder("DEVICE", "MEMBER", "STAFF", "SYSTEM");
    }

    @Test
    void loginsAndOrdersReachTheTimelineOnTheirOwnOnceEach() {
        Merchant m = Merchants.signUp("activity-system");
        String phone = phone();
        SmsInbox.memberToken(m, phone);
        String memberId = m.asOwner().get("/api/v1/members?phone=" + phone).then().extract().path("items[0].id");
        String paidAt = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < 2; i++) {
            m.asOwner().header("Idempotency-Key", "sys-order-1").body(Map.of("memberId", memberId, "externalId", "sys-order-1",
                    "amount", 4_200, "channel", "shop", "paidAt", paidAt)).post("/api/v1/orders").then().statusCode(201);
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                m.asOwner().get("/api/v1/members/" + memberId + "/activity").then().body("items", hasSize(2)));
        JsonPath timeline = m.asOwner().get("/api/v1/members/" + memberId + "/activity").then().extract().jsonPath();
        assertThat(timeline.getList("items.type")).containsExactly("LOGIN", "PURCHASE");
        assertThat(timeline.getString("items[0].subject")).isEqualTo("SMS_CODE");
        assertThat(timeline.getString("items[1].subject")).isEqualTo("sys-order-1");
        assertThat(timeline.getInt("items[1].attributes.amount")).isEqualTo(4_200);
        assertThat(Instant.parse(timeline.getString("items[1].occurredAt"))).isEqualTo(Instant.parse(paidAt));
        assertThat(timeline.getList("items.source")).containsOnly("SYSTEM");
    }

    @Test
    void theTimelinePagesNewestFirstAndFiltersByType() {
        Merchant m = Merchants.signUp("activity-timeline");
        String member = member(m, phone());
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(item(Map.of("memberId", member, "type", i % 2 == 0 ? "BROWSE" : "FAVOURITE", "subject", "s" + i), base.plusSeconds(i)));
        }
        // Two at the very same instant: the page boundary between them must neither repeat nor skip one.
        items.add(item(Map.of("memberId", member, "type", "BROWSE", "subject", "s5"), base.plusSeconds(4)));
        m.asOwner().body(Map.of("items", items)).post("/api/v1/activity").then().body("accepted", equalTo(6));

        List<String> seen = new ArrayList<>();
        String before = null;
        int pages = 0;
        do {
            var request = m.asOwner().queryParam("limit", 2);
            if (before != null) {
                request.queryParam("before", before);
            }
            JsonPath page = request.get("/api/v1/members/" + member + "/activity").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.subject"));
            before = page.getString("next");
            pages++;
        } while (before != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.subList(2, 6)).containsExactly("s3", "s2", "s1", "s0");

        m.asOwner().queryParam("type", "FAVOURITE").get("/api/v1/members/" + member + "/activity").then()
                .body("items.subject", equalTo(List.of("s3", "s1")));
        m.asOwner().queryParam("before", "not-a-cursor").get("/api/v1/members/" + member + "/activity").then().statusCode(400)
                .body("errors[0].field", equalTo("before"));
        m.asOwner().queryParam("limit", 1000).get("/api/v1/members/" + member + "/activity").then().statusCode(400);
    }

    @Test
    void theSummaryCountsPerDayAndTypeWithDistinctMembers() {
        Merchant m = Merchants.signUp("activity-summary");
        String ann = member(m, phone());
        String bob = member(m, phone());
        LocalDate twoDaysAgo = LocalDate.now(SHANGHAI).minusDays(2);
        LocalDate yesterday = twoDaysAgo.plusDays(1);
        Instant day1 = twoDaysAgo.atTime(12, 0).atZone(SHANGHAI).toInstant();
        Instant day2 = yesterday.atTime(12, 0).atZone(SHANGHAI).toInstant();
        m.asOwner().body(Map.of("items", List.of(
                item(Map.of("memberId", ann, "type", "BROWSE"), day1),
                item(Map.of("memberId", ann, "type", "BROWSE"), day1.plusSeconds(60)),
                item(Map.of("memberId", bob, "type", "BROWSE"), day1),
                item(Map.of("memberId", bob, "type", "BROWSE"), day2),
                item(Map.of("memberId", bob, "type", "PURCHASE"), day2)))).post("/api/v1/activity").then().body("accepted", equalTo(5));

        JsonPath summary = m.asOwner().queryParam("from", twoDaysAgo.toString()).queryParam("to", yesterday.toString())
                .get("/api/v1/activity/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getList("buckets", Map.class)).containsExactly(
                Map.of("start", twoDaysAgo.toString(), "type", "BROWSE", "count", 3, "members", 2),
                Map.of("start", yesterday.toString(), "type", "BROWSE", "count", 1, "members", 1),
                Map.of("start", yesterday.toString(), "type", "PURCHASE", "count", 1, "members", 1));
        assertThat(summary.getList("types", Map.class)).containsExactly(
                Map.of("type", "BROWSE", "count", 4, "members", 2), Map.of("type", "PURCHASE", "count", 1, "members", 1));
        assertThat(summary.getInt("total.count")).isEqualTo(5);
        assertThat(summary.getInt("total.members")).isEqualTo(2);

        m.asOwner().queryParam("from", twoDaysAgo.toString()).queryParam("to", yesterday.toString()).queryParam("type", "PURCHASE")
                .queryParam("bucket", "week").get("/api/v1/activity/summary").then().statusCode(200)
                .body("types", hasSize(1)).body("total.count", equalTo(1)).body("buckets[0].count", equalTo(1));
        m.asOwner().queryParam("bucket", "hour").get("/api/v1/activity/summary").then().statusCode(400);
        m.asOwner().queryParam("from", "2020-01-01").get("/api/v1/activity/summary").then().statusCode(400);
    }

    @Test
    void retentionDeletesOnlyWhatIsPastEachMerchantsOwnLimit() {
        Merchant a = Merchants.signUp("activity-retention-a");
        Merchant b = Merchants.signUp("activity-retention-b");
        String memberA = member(a, phone());
        String memberB = member(b, phone());
        a.asOwner().get("/api/v1/activity/settings").then().statusCode(200).body("retentionDays", equalTo(365));
        a.asOwner().body(Map.of("retentionDays", 30)).put("/api/v1/activity/settings").then().statusCode(200).body("retentionDays", equalTo(30));
        a.asOwner().body(Map.of("retentionDays", 0)).put("/api/v1/activity/settings").then().statusCode(400);
        Instant recent = Instant.now().minusSeconds(60);
        for (String subject : List.of("old-1", "old-2", "new")) {
            a.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberA, "type", "BROWSE", "subject", subject), recent))))
                    .post("/api/v1/activity").then().body("accepted", equalTo(1));
            b.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberB, "type", "BROWSE", "subject", subject), recent))))
                    .post("/api/v1/activity").then().body("accepted", equalTo(1));
        }
        // Time passes: the "old" rows are now 40 days old at both merchants.
        for (Merchant m : List.of(a, b)) {
            TenantSql.updateAsOwner(m.id(), "update member_activity set occurred_at = now() - interval '40 days' where subject like 'old-%'");
        }
        a.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberA, "type", "BROWSE"), Instant.now().minus(40, ChronoUnit.DAYS)))))
                .post("/api/v1/activity").then().body("results[0].code", equalTo("OUTSIDE_RETENTION"));

        retention.nightly();

        assertThat(subjects(a, memberA)).containsExactly("new");
        assertThat(subjects(b, memberB)).containsExactlyInAnyOrder("new", "old-1", "old-2");
        a.asOwner().get("/api/v1/members/" + memberA + "/activity").then().body("items", hasSize(1));
    }

    @Test
    void merchantsRegisterTheirOwnTypes() {
        Merchant m = Merchants.signUp("activity-types");
        String member = member(m, phone());
        m.asOwner().body(Map.of("name", "SHARE", "description", "shared a product")).post("/api/v1/activity-types").then().statusCode(201)
                .body("builtIn", equalTo(false));
        m.asOwner().body(Map.of("name", "SHARE")).post("/api/v1/activity-types").then().statusCode(409).body("code", equalTo("ACTIVITY_TYPE_EXISTS"));
        m.asOwner().body(Map.of("name", "BROWSE")).post("/api/v1/activity-types").then().statusCode(409);
        m.asOwner().body(Map.of("name", "share it")).post("/api/v1/activity-types").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("name", "POKE")).post("/api/v1/activity-types").then().statusCode(403);
        m.asOwner().get("/api/v1/activity-types").then().statusCode(200)
                .body("name", equalTo(List.of("LOGIN", "PURCHASE", "BROWSE", "FAVOURITE", "SHARE")));
        m.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", member, "type", "SHARE"), Instant.now()))))
                .post("/api/v1/activity").then().body("accepted", equalTo(1));
    }

    @Test
    void anotherMerchantNeitherReadsNorWritesThisMerchantsActivity() {
        Merchant a = Merchants.signUp("activity-iso-a");
        Merchant b = Merchants.signUp("activity-iso-b");
        String phone = phone();
        String memberA = member(a, phone);
        a.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberA, "type", "BROWSE", "idempotencyKey", "k"), Instant.now()))))
                .post("/api/v1/activity").then().body("accepted", equalTo(1));

        b.asOwner().get("/api/v1/members/" + memberA + "/activity").then().statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        b.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberA, "type", "BROWSE"), Instant.now()),
                        item(Map.of("phone", phone, "type", "BROWSE"), Instant.now()))))
                .post("/api/v1/activity").then().statusCode(200).body("results.code", equalTo(List.of("MEMBER_NOT_FOUND", "MEMBER_NOT_FOUND")));
        b.asOwner().get("/api/v1/activity/summary").then().statusCode(200).body("total.count", equalTo(0));
        // Keys are the merchant's own: B's key "k" is no duplicate of A's.
        String memberB = member(b, phone);
        b.asOwner().body(Map.of("items", List.of(item(Map.of("memberId", memberB, "type", "BROWSE", "idempotencyKey", "k"), Instant.now()))))
                .post("/api/v1/activity").then().body("accepted", equalTo(1));
        a.asOwner().get("/api/v1/activity/summary").then().body("total.count", equalTo(1));
    }

    static Map<String, Object> item(Map<String, Object> fields, Instant occurredAt) {
        Map<String, Object> item = new HashMap<>(fields);
        item.put("occurredAt", occurredAt.toString());
        return item;
    }

    static String phone() {
        return String.format("1371%03d%04d", ProcessHandle.current().pid() % 1000, PHONES.incrementAndGet());
    }

    static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static List<String> subjects(Merchant m, String member) {
        return m.asOwner().queryParam("limit", 100).get("/api/v1/members/" + member + "/activity").then().statusCode(200)
                .extract().jsonPath().getList("items.subject");
    }
}
