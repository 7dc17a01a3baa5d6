package io.memberhub.platform.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
    void anEvaluationInTheBackgroundReachesTheMembersOfEveryIdRange() {
        // Tests evaluate 3 members per range (memberhub.tags.evaluation-chunk): eight members are three ranges, the last open-ended.
        Merchant m = Merchants.signUp("tags-ranges");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String member = member(m);
            order(m, member, "ranges-" + i, 5_000, "dairy", Instant.now().minus(Duration.ofDays(60)));
            ids.add(member);
        }
        ids.sort(null);
        String recent = create(m, "Recent buyers", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "ORDER_COUNT", "op", "GTE", "value", 1, "windowDays", 30))));
        assertThat(members(m, recent)).isEmpty();

        // The first and last of each range, and the member after the last range's bound, buy again (as far as the rule can tell).
        List<String> buyers = List.of(ids.get(0), ids.get(2), ids.get(3), ids.get(5), ids.get(6), ids.get(7));
        for (String buyer : buyers) {
            TenantSql.update(m.id(), "update member_order set paid_at = now() - interval '5 days' where member_id = ?::uuid", buyer);
        }
        // (Whether the follower of the orders, off the request thread, or the evaluation adds a tag, each is added once.)
        JsonPath first = evaluatedInTheBackground(m, recent);
        assertThat(first.getInt("processed")).isEqualTo(8);
        assertThat(first.getInt("total")).isEqualTo(8);
        assertThat(first.getInt("removed")).isZero();
        assertThat(first.getLong("members")).isEqualTo(6);
        assertThat(members(m, recent)).containsExactlyInAnyOrderElementsOf(buyers);

        for (String lapsed : List.of(ids.get(2), ids.get(7))) {
            TenantSql.update(m.id(), "update member_order set paid_at = now() - interval '60 days' where member_id = ?::uuid", lapsed);
        }
        JsonPath second = evaluatedInTheBackground(m, recent);
        assertThat(second.getInt("added")).isZero();
        assertThat(second.getInt("removed")).isEqualTo(2);
        assertThat(second.getLong("members")).isEqualTo(4);
        assertThat(members(m, recent)).containsExactlyInAnyOrder(ids.get(0), ids.get(3), ids.get(5), ids.get(6));
        assertThat(TenantSql.events(m.id(), "TagAdded")).isEqualTo(6);
        assertThat(TenantSql.events(m.id(), "TagRemoved")).isEqualTo(2);
        assertThat(m.asOwner().get("/api/v1/tags/" + recent).then().statusCode(200).extract().jsonPath().getString("evaluatedAt"))
                .isEqualTo(second.getString("evaluatedAt"));
        // Newest first: the two in the background, and the one done at once when the tag was defined; each ends after it starts.
        JsonPath history = m.asOwner().get("/api/v1/tags/" + recent + "/evaluations").then().statusCode(200)
                .body("status", equalTo(List.of("DONE", "DONE", "DONE")))
                .body("reason", equalTo(List.of("requested by owner", "requested by owner", "rule defined"))).extract().jsonPath();
        for (int i = 0; i < 3; i++) {
            assertThat(Instant.parse(history.getString("[" + i + "].finishedAt")))
                    .isAfterOrEqualTo(Instant.parse(history.getString("[" + i + "].startedAt")));
        }
    }

    @Test
    void aChangedRuleSupersedesTheEvaluationThatWaitsForTheOldOne() {
        Merchant m = Merchants.signUp("tags-supersede");
        String buyer = member(m);
        member(m);
        order(m, buyer, "supersede-1", 5_000, "dairy", Instant.now().minus(Duration.ofDays(2)));
        String tag = create(m, "Big spenders", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "SPEND", "op", "GTE", "value", 10_000, "windowDays", 30))));
        assertThat(members(m, tag)).isEmpty();

        // Another instance's worker holds this merchant's evaluations: what is queued waits.
        TenantSql.update(m.id(), "insert into tenant_work (tenant_id, kind, due_at, leased_by, leased_until) "
                + "values (?, 'tag-evaluation', now(), 'another-instance', now() + interval '1 hour')", m.id());
        String queued = m.asOwner().header("Prefer", "respond-async").post("/api/v1/tags/" + tag + "/evaluation").then().statusCode(202)
                .body("status", equalTo("QUEUED")).extract().path("id");
        m.asOwner().header("Prefer", "respond-async").post("/api/v1/tags/" + tag + "/evaluation").then().statusCode(202)
                .body("id", equalTo(queued));
        m.asOwner().get("/api/v1/tags/" + tag).then().statusCode(200).body("evaluating.id", equalTo(queued))
                .body("evaluating.status", equalTo("QUEUED"));

        m.asOwner().body(Map.of("name", "Big spenders", "rule", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "SPEND", "op", "GTE", "value", 1_000, "windowDays", 30))))).put("/api/v1/tags/" + tag).then().statusCode(200);
        m.asOwner().get("/api/v1/tags/" + tag + "/evaluations/" + queued).then().statusCode(200).body("status", equalTo("SUPERSEDED"));
        // A merchant of two members is evaluated at once when its rule changes.
        assertThat(members(m, tag)).containsExactly(buyer);
        m.asOwner().get("/api/v1/tags/" + tag).then().statusCode(200).body("members", equalTo(1)).body("evaluating", org.hamcrest.Matchers.nullValue());

        // The lease runs out (its instance died): a new evaluation goes ahead.
        TenantSql.update(m.id(), "update tenant_work set leased_until = now() - interval '1 second' where tenant_id = ? and kind = 'tag-evaluation'",
                m.id());
        JsonPath done = evaluatedInTheBackground(m, tag);
        assertThat(done.getInt("added") + done.getInt("removed")).isZero();
        assertThat(done.getLong("members")).isEqualTo(1);
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

    @Test
    void anActivityRuleFollowsEachBatchOfActivity() {
        Merchant m = Merchants.signUp("tags-activity");
        String browser = member(m);
        String glancer = member(m);
        m.asOwner().body(Map.of("name", "Broken", "rule", Map.of("match", "ALL", "conditions", List.of(
                        Map.of("metric", "ACTIVITY_COUNT", "op", "GTE", "value", 3),
                        Map.of("metric", "ACTIVITY_COUNT", "activityType", "TELEPORT", "op", "GTE", "value", 3)))))
                .post("/api/v1/tags").then().statusCode(400).body("errors.field", equalTo(List.of("rule.conditions[0].activityType")));
        m.asOwner().body(Map.of("name", "Broken", "rule", Map.of("match", "ALL", "conditions", List.of(
                        Map.of("metric", "ACTIVITY_COUNT", "activityType", "TELEPORT", "op", "GTE", "value", 3)))))
                .post("/api/v1/tags").then().statusCode(400).body("errors[0].field", equalTo("rule.conditions[0].activityType"));
        String tag = create(m, "Keen browser", Map.of("match", "ALL", "conditions", List.of(
                Map.of("metric", "ACTIVITY_COUNT", "activityType", "BROWSE", "op", "GTE", "value", 3, "windowDays", 7))));

        Instant now = Instant.now().minusSeconds(60);
        activity(m, List.of(browse(browser, now), browse(browser, now.minus(Duration.ofDays(10))), browse(glancer, now),
                Map.of("memberId", browser, "type", "FAVOURITE", "occurredAt", now.toString())));
        activity(m, List.of(browse(browser, now.minusSeconds(5)), browse(glancer, now.minusSeconds(5))));
        assertThat(tagNames(m, browser)).isEmpty(); // two browses in the window so far, one of them older
        activity(m, List.of(browse(browser, now.minusSeconds(10))));
        await().atMost(Duration.ofSeconds(10)).until(() -> tagNames(m, browser).contains("Keen browser"));
        assertThat(tagNames(m, glancer)).isEmpty();
        assertThat(members(m, tag)).containsExactly(browser);

        // A week on, the browses fall out of the window: the nightly run takes the tag off.
        TenantSql.updateAsOwner(m.id(), "update member_activity set occurred_at = occurred_at - interval '8 days'");
        nightly.nightly();
        assertThat(members(m, tag)).isEmpty();
    }

    @Test
    void aCsvPutsAManualTagOnManyMembersAndReportsUnknownRowsByLine() {
        Merchant m = Merchants.signUp("tags-csv");
        Merchant other = Merchants.signUp("tags-csv-other");
        String vip = create(m, "贵宾", null);
        String rule = create(m, "Buyers", Map.of("match", "ANY", "conditions", List.of(Map.of("metric", "ORDER_COUNT", "op", "GTE", "value", 1))));
        String first = member(m, "13900000101");
        String second = member(m, "13900000102");
        String already = member(m, "13900000103");
        m.asOwner().put("/api/v1/members/" + already + "/tags/" + vip).then().statusCode(200);
        String stranger = member(other, "13900000104");
        String csv = "phone,备注\n13900000101,老客户\n13900000199,不存在\n13900000102,\n13900000103,已有\n13900000101,重复\n";

        importTags(m, vip, "all", csv.getBytes(java.nio.charset.Charset.forName("GBK")), "text/csv; charset=GBK").statusCode(422)
                .body("code", equalTo("IMPORT_REJECTED")).body("errors.field", equalTo(List.of("rows[3].phone")));
        assertThat(members(m, vip)).containsExactly(already);

        importTags(m, vip, "valid", csv.getBytes(java.nio.charset.Charset.forName("GBK")), "text/csv; charset=GBK").statusCode(200)
                .body("rows", equalTo(5)).body("imported", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].message", equalTo("belongs to no member of this merchant"));
        assertThat(members(m, vip)).containsExactlyInAnyOrder(first, second, already);
        assertThat(TenantSql.events(m.id(), "TagAdded")).isEqualTo(3);

        // Again, by id and in UTF-8 with Excel's byte-order mark: nothing changes. Another merchant's member is unknown here.
        importTags(m, vip, "valid", ("\uFEFFmemberId\n" + first + "\n" + stranger + "\nnot-an-id\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8").statusCode(200).body("imported", equalTo(0)).body("errors.row", equalTo(List.of(3, 4)));
        assertThat(TenantSql.events(m.id(), "TagAdded")).isEqualTo(3);
        importTags(other, vip, "valid", "phone\n13900000104\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").statusCode(404);
        importTags(m, rule, "valid", "phone\n13900000101\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").statusCode(422)
                .body("code", equalTo("TAG_KEPT_BY_RULE"));
        importTags(m, vip, "valid", "name\nx\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv").statusCode(400)
                .body("code", equalTo("MISSING_COLUMN"));
        Merchants.as(Merchants.staffToken(m, "operator")).contentType("text/csv").body("phone\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/tags/" + vip + "/members/import").then().statusCode(403);
        assertThat(tagNames(other, stranger)).isEmpty();
    }

    private static io.restassured.response.ValidatableResponse importTags(Merchant m, String tag, String mode, byte[] body, String contentType) {
        return m.asOwner().contentType(contentType).queryParam("mode", mode).body(body).post("/api/v1/tags/" + tag + "/members/import").then();
    }

    /** Asks for an evaluation in the background and follows it until it has finished, which it must have done. */
    private static JsonPath evaluatedInTheBackground(Merchant m, String tag) {
        var accepted = m.asOwner().header("Prefer", "respond-async").post("/api/v1/tags/" + tag + "/evaluation").then().statusCode(202)
                .header("Preference-Applied", "respond-async").extract();
        String location = accepted.header("Location");
        assertThat(location).endsWith("/api/v1/tags/" + tag + "/evaluations/" + accepted.path("id"));
        JsonPath finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> m.asOwner().get(java.net.URI.create(location).getPath()).then().statusCode(200).extract().jsonPath(),
                        e -> !e.getString("status").equals("QUEUED") && !e.getString("status").equals("RUNNING"));
        assertThat(finished.getString("status")).as(finished.prettify()).isEqualTo("DONE");
        return finished;
    }

    private static Map<String, Object> browse(String member, Instant at) {
        return Map.of("memberId", member, "type", "BROWSE", "occurredAt", at.toString());
    }

    private static void activity(Merchant m, List<Map<String, Object>> items) {
        m.asOwner().body(Map.of("items", items)).post("/api/v1/activity").then().statusCode(200).body("rejected", equalTo(0));
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
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
