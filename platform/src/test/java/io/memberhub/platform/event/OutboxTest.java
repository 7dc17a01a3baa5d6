package io.memberhub.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Test
    void everyRecordedChangeLeavesExactlyOneEventAndARefusedOneLeavesNone() {
        Merchant m = Merchants.signUp("outbox");
        m.asOwner().body(Map.of("name", "Member", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        String member = m.asOwner().body(Map.of("phone", "14400000001")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        Map<String, Object> order = Map.of("memberId", member, "externalId", "E-1", "amount", 2_000, "channel", "shop",
                "paidAt", Instant.now().minusSeconds(60).toString());

        m.asOwner().header("Idempotency-Key", "e1").body(order).post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "e1").body(order).post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "r1").body(Map.of("amount", 5_000)).post("/api/v1/orders/E-1/refunds").then().statusCode(422);

        // The registration also puts the member in their first lifecycle stage (NEW); the order keeps them there.
        assertThat(eventCounts(m.id())).containsExactlyInAnyOrderEntriesOf(Map.of("MemberRegistered", 1L, "OrderRecorded", 1L,
                "PointsChanged", 1L, "LevelChanged", 1L, "LifecycleStageChanged", 1L));
    }

    @Test
    void pointsGapsWriteTheirEventsAndRefusalsWriteNone() {
        Merchant m = Merchants.signUp("outbox-gaps");
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365, "profileCompletionPoints", 10, "maxRedeemPercent", 100))
                .put("/api/v1/points/settings").then().statusCode(200);
        String referrer = m.asOwner().body(Map.of("phone", "14400000011")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        String member = m.asOwner().body(Map.of("phone", "14400000012", "name", "Full", "email", "full@example.com", "birthday", "1990-01-01",
                "gender", "MALE", "referredBy", referrer)).post("/api/v1/members").then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("referredBy", member)).patch("/api/v1/members/" + referrer).then().statusCode(422);
        String template = m.asOwner().body(Map.of("name", "T", "kind", "AMOUNT_OFF", "value", 100, "validityDays", 30, "pointsPrice", 5))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        m.asOwner().header("Idempotency-Key", "buy").body(Map.of("templateId", template))
                .post("/api/v1/members/" + member + "/coupons/purchases").then().statusCode(201);
        String redemption = m.asOwner().header("Idempotency-Key", "redeem")
                .body(Map.of("memberId", member, "externalId", "R", "points", 5, "orderAmount", 1_000))
                .post("/api/v1/points/redemptions").then().statusCode(201).extract().path("id");
        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201);
        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "top").body(Map.of("memberId", member, "externalId", "T", "amount", 1_000, "channel", "shop",
                "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/top-ups").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "back").body(Map.of("amount", 400)).post("/api/v1/top-ups/T/refunds").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "too-much").body(Map.of("amount", 601)).post("/api/v1/top-ups/T/refunds").then().statusCode(422);

        assertThat(eventCounts(m.id())).containsAllEntriesOf(Map.of("MemberReferred", 1L, "ProfileCompletionRewarded", 1L,
                "CouponPurchased", 1L, "CouponIssued", 1L, "PointsRedemptionCancelled", 1L, "TopUpRefunded", 1L));
    }

    @Test
    void memberUpdatesNameWhatChangedButNoValuesAndDeletionsAreEvents() {
        Merchant m = Merchants.signUp("outbox-member");
        m.asOwner().body(Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", true)).post("/api/v1/member-fields")
                .then().statusCode(201);
        String member = m.asOwner().body(Map.of("phone", "14400000021")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("name", "Li Lei", "fields", Map.of("allergies", "peanuts"))).patch("/api/v1/members/" + member)
                .then().statusCode(200);
        m.asOwner().delete("/api/v1/members/" + member).then().statusCode(204);

        String payload = TenantSql.query(m.id(), "select cast(payload as text) as p from outbox_event where type = 'MemberUpdated'")
                .getFirst().get("p").toString();
        assertThat(payload).contains("\"name\"", "\"fields.allergies\"").doesNotContain("peanuts", "Li Lei");
        assertThat(eventCounts(m.id())).containsAllEntriesOf(Map.of("MemberUpdated", 1L, "MemberDeleted", 1L));
    }

    private static Map<String, Long> eventCounts(String tenantId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TenantSql.query(tenantId, "select type, count(*) as n from outbox_event group by type")
                .forEach(row -> counts.put((String) row.get("type"), ((Number) row.get("n")).longValue()));
        return counts;
    }
}
