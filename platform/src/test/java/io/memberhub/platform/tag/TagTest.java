package io.memberhub.platform.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tags as a merchant uses them: rules that keep themselves current, and tags put on by hand. */
@QuarkusTest
class TagTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    NightlyTagEvaluation nightly;

    @Test
    void aRuleTagFollowsEachMembersFactsAsTheyHappen() {
        Merchant m = Merchants.signUp("tags-follow");
        String big = member(m);
        String small = member(m);
        String tag = create(m, "High value", Map.of("match", "ALL", "conditions",
                List.of(Map.of("metric", "SPEND", "op", "GTE", "value", 50_000))));

        order(m, big, "big-1", 60_000, "dairy", Instant.now().minusSeconds(60));
        order(m, small, "small-1", 10_000, "dairy", Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(10)).until(() -> tagNames(m, big).contains("High value"));
        assertThat(tagNames(m, small)).doesNotContain("High value");

        m.asOwner().header("Idempotency-Key", "refund-big-1").body(Map.of("amount", 60_000, "reason", "returned"))
                .post("/api/v1/orders/big-1/refunds").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !tagNames(m, big).contains("High value"));
        assertThat(TenantSql.events(m.id(), "TagAdded")).isEqualTo(1);
        assertThat(TenantSql.events(m.id(), "TagRemoved")).isEqualTo(1);
        m.asOwner().get("/api/v1/tags/" + tag).then().statusCode(200).body("members", equalTo(0));
    }

    @Test
    void dormantAndCategoryRulesAreEvaluatedForEveryoneAndOnlyChangesAreWritten() {
        Merchant m = Merchants.signUp("tags-bulk");
        String oldSilent = member(m);
        String oldBuyer = member(m);
        String newcomer = member(m);
        String parent = member(m);
        for (String old : List.of(oldSilent, oldBuyer, parent)) {
            TenantSql.update(m.id(), "update member set created_at = now() - interval '200 days' where id = ?::uuid", old);
        }
        order(m, oldSilent, "silent-old", 5_000, "dairy", Instant.now().minus(Duration.ofDays(120)));
        order(m, oldBuyer, "buyer-recent", 5_000, "dairy", Instant.now().minus(Duration.ofDays(10)));
        order(m, parent, "parent-1", 5_000, "baby", Instant.now().minus(Duration.ofDays(20)));
        order(m, parent, "parent-2", 5_000, "baby", Instant.now().minus(Duration.ofDays(5)));
        order(m, parent, "parent-old", 5_000, "baby", Instant.now().minus(Duration.ofDays(200)));

        String dormant = create(m, "Dormant", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "ORDER_COUNT", "op", "EQ", "value", 0, "windowDays", 90),
                Map.of("metric", "DAYS_SINCE_REGISTRATION", "op", "GTE", "value", 90))));
        String parents = create(m, "Parents", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "CATEGORY_ORDER_COUNT", "category", "baby", "op", "GTE", "value", 2, "windowDays", 90))));

        assertThat(members(m, dormant)).containsExactly(oldSilent);
        assertThat(members(m, parents)).containsExactly(parent);
        assertThat(tagNames(m, newcomer)).isEmpty();

        m.asOwner().post("/api/v1/tags/" + dormant + "/evaluation").then().statusCode(200)
                .body("added", equalTo(0)).body("removed", equalTo(0)).body("members", equalTo(1));

        // Time passes: the recent buyer's order falls out of the 90 days. Only time changed, so only the nightly run notices.
        TenantSql.update(m.id(), "update member_order set paid_at = now() - interval '100 days' where external_id = 'buyer-recent'");
        nightly.nightly();
        assertThat(members(m, dormant)).containsExactlyInAnyOrder(oldSilent, oldBuyer);
        m.asOwner().get("/api/v1/members?tag=" + dormant + "&tag=" + parents).then().statusCode(200).body("total", equalTo(0));
        m.asOwner().get("/api/v1/members?tag=" + parents).then().statusCode(200).body("items[0].id", equalTo(parent));
    }

    @Test
    void staffPutManualTagsOnAndOffButNotRuleTags() {
        Merchant m = Merchants.signUp("tags-manual");
        String operator = Merchants.staffToken(m, "operator");
        String member = member(m);
        String vip = create(m, "VIP", null);
        String rule = create(m, "Buyers", Map.of("match", "ANY", "conditions",
                List.of(Map.of("metric", "ORDER_COUNT", "op", "GTE", "value", 1))));

        Merchants.as(operator).put("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200).body("name", hasItem("VIP"));
        Merchants.as(operator).put("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200);
        assertThat(TenantSql.events(m.id(), "TagAdded")).isEqualTo(1);
        Merchants.as(operator).put("/api/v1/members/" + member + "/tags/" + rule).then().statusCode(422)
                .body("code", equalTo("TAG_KEPT_BY_RULE"));
        Merchants.as(operator).body(Map.of("name", "Nope")).post("/api/v1/tags").then().statusCode(403);
        m.asOwner().get("/api/v1/members?tag=" + vip).then().body("total", equalTo(1));

        Merchants.as(operator).delete("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200);
        assertThat(tagNames(m, member)).isEmpty();
        m.asOwner().put("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200);
        m.asOwner().delete("/api/v1/tags/" + vip).then().statusCode(204);
        assertThat(tagNames(m, member)).isEmpty();
    }

    @Test
    void badRulesSayWhatIsWrongAndTagsStayWithTheirMerchant() {
        Merchant m = Merchants.signUp("tags-bad");
        Merchant other = Merchants.signUp("tags-other");
        m.asOwner().body(Map.of("name", "Broken", "rule", Map.of("match", "ALL", "conditions", List.of(
                        Map.of("metric", "CATEGORY_ORDER_COUNT", "op", "GTE", "value", 1),
                        Map.of("metric", "DAYS_SINCE_REGISTRATION", "op", "GTE", "value", 1, "windowDays", 30)))))
                .post("/api/v1/tags").then().statusCode(400)
                .body("errors.field", equalTo(List.of("rule.conditions[0].category", "rule.conditions[1].windowDays")));
        m.asOwner().body(Map.of("name", "Broken", "rule", Map.of("match", "ALL", "conditions", List.of(
                        Map.of("metric", "SPEND", "op", "ABOUT", "value", 1)))))
                .post("/api/v1/tags").then().statusCode(400);
        m.asOwner().get("/api/v1/tags").then().body("size()", equalTo(0));

        String vip = create(m, "VIP", null);
        m.asOwner().body(Map.of("name", "VIP")).post("/api/v1/tags").then().statusCode(409).body("code", equalTo("TAG_EXISTS"));
        other.asOwner().get("/api/v1/tags/" + vip).then().statusCode(404);
        other.asOwner().put("/api/v1/members/" + member(other) + "/tags/" + vip).then().statusCode(404);
        other.asOwner().put("/api/v1/members/" + member(m) + "/tags/" + create(other, "Mine", null)).then().statusCode(404);
    }

    private static String create(Merchant m, String name, Map<String, Object> rule) {
        Map<String, Object> body = rule == null ? Map.of("name", name) : Map.of("name", name, "rule", rule);
        return m.asOwner().body(body).post("/api/v1/tags").then().statusCode(201).extract().path("id");
    }

    private static String member(Merchant m) {
        return m.asOwner().body(Map.of("phone", String.format("1380013%04d", PHONES.incrementAndGet())))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String memberId, String externalId, long amount, String category, Instant paidAt) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", amount, "channel", "shop", "paidAt", paidAt.toString(),
                        "items", List.of(Map.of("name", "Item", "category", category, "quantity", 1, "amount", amount))))
                .post("/api/v1/orders").then().statusCode(201);
    }

    private static List<String> tagNames(Merchant m, String memberId) {
        return m.asOwner().get("/api/v1/members/" + memberId + "/tags").then().statusCode(200).extract().jsonPath().getList("name");
    }

    private static List<String> members(Merchant m, String tagId) {
        return m.asOwner().queryParam("tag", tagId).queryParam("size", 200).get("/api/v1/members").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
