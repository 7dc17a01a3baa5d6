package io.memberhub.platform.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Journeys as a merchant runs them: members enter on their trigger, each step comes after its wait
 * when its condition holds, members leave on the exits defined, and the funnel counts what happened.
 * Time passes by moving the stored times back, as a day passing would.
 */
@QuarkusTest
class JourneyTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Test
    void aNewMemberJourneyWelcomesRemindsOnlyUnusedCouponsAndRewardsTheFirstOrder() {
        Merchant m = Merchants.signUp("journey");
        noQuietHours(m);
        String template = m.asOwner().body(Map.of("name", "10 off", "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        String before = member(m, "Early");
        String journey = m.asOwner().body(Map.of("name", "New member", "entry", Map.of("trigger", "REGISTERED"), "steps", List.of(
                        Map.of("name", "Welcome coupon", "delay", "PT0M", "couponTemplateId", template,
                                "message", Map.of("channel", "LOG", "text", "Welcome, {name}!")),
                        Map.of("name", "Reminder", "delay", "P3D", "condition", "COUPON_UNUSED", "ifUnmet", "SKIP",
                                "message", Map.of("channel", "LOG", "text", "Your coupon is waiting, {name}")),
                        Map.of("name", "First order bonus", "delay", "P4D", "condition", "HAS_ORDERED", "ifUnmet", "WAIT", "points", 200))))
                .post("/api/v1/journeys").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("steps[1].delay", equalTo("P3D")).extract().path("id");
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().statusCode(200).body("entered", equalTo(0));
        m.asOwner().post("/api/v1/journeys/" + journey + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        String alice = member(m, "Alice");
        String bob = member(m, "Bob");
        String carol = member(m, "Carol");

        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().statusCode(200)
                .body("entered", equalTo(3)).body("reached", equalTo(3)).body("messagesFailed", equalTo(0));
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("entered", equalTo(0)).body("reached", equalTo(0));
        for (String member : List.of(alice, bob, carol)) {
            m.asOwner().get("/api/v1/members/" + member + "/coupons").then().body("size()", equalTo(1))
                    .body("[0].source", equalTo("journey:" + journey));
        }
        m.asOwner().get("/api/v1/members/" + before + "/coupons").then().body("size()", equalTo(0));
        m.asOwner().body(Map.of("name", "Renamed")).put("/api/v1/journeys/" + journey).then().statusCode(400);

        // Alice uses her coupon; three days later the reminder goes to Bob and Carol only.
        String aliceCoupon = m.asOwner().get("/api/v1/members/" + alice + "/coupons").then().extract().path("[0].code");
        m.asOwner().header("Idempotency-Key", "use-" + alice).body(Map.of("memberId", alice, "externalId", "use-" + alice, "orderAmount", 5_000))
                .post("/api/v1/coupons/" + aliceCoupon + "/redemptions").then().statusCode(201);
        daysPass(m, 3);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(2)).body("skipped", equalTo(1));
        funnel(m, journey).body("entered", equalTo(3)).body("active", equalTo(3))
                .body("steps[0].reached", equalTo(3)).body("steps[1].reached", equalTo(2)).body("steps[1].skipped", equalTo(1))
                .body("steps[2].waiting", equalTo(3));

        // Bob orders; four days later he gets the bonus and completes, the others wait for their first order.
        order(m, bob, "bob-1");
        daysPass(m, 4);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(1)).body("completed", equalTo(1));
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(0)).body("completed", equalTo(0));
        assertThat(points(m, bob) - pointsFromOrders(m, bob)).isEqualTo(200);
        assertThat(points(m, carol)).isZero();

        // Carol's order moves her on at the next run, however long after the wait.
        order(m, carol, "carol-1");
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(1)).body("completed", equalTo(1));
        assertThat(points(m, carol) - pointsFromOrders(m, carol)).isEqualTo(200);

        funnel(m, journey).body("entered", equalTo(3)).body("active", equalTo(1)).body("completed", equalTo(2)).body("exited", equalTo(0))
                .body("steps[2].reached", equalTo(2)).body("steps[2].waiting", equalTo(1));
        JsonPath members = m.asOwner().get("/api/v1/journeys/" + journey + "/members").then().statusCode(200).extract().jsonPath();
        assertThat(members.getString("find { it.memberId == '" + alice + "' }.status")).isEqualTo("ACTIVE");
        assertThat(members.getInt("find { it.memberId == '" + alice + "' }.nextStep")).isEqualTo(2);

        // Each member passed each step once, and the outbox says so.
        assertThat(TenantSql.query(m.id(), "select member_id, position, count(*) as n from journey_step_run group by member_id, position having count(*) > 1"))
                .isEmpty();
        assertThat(TenantSql.events(m.id(), "JourneyStepReached")).isEqualTo(3 + 2 + 2);
        assertThat(TenantSql.events(m.id(), "JourneyCompleted")).isEqualTo(2);
        m.asOwner().body(definition("Changed", template)).put("/api/v1/journeys/" + journey).then().statusCode(409)
                .body("code", equalTo("JOURNEY_STARTED"));
    }

    @Test
    void membersLeaveOnTheExitsDefinedAndAPausedJourneyHoldsEveryoneWhereTheyAre() {
        Merchant m = Merchants.signUp("journey-exit");
        noQuietHours(m);
        String tag = m.asOwner().body(Map.of("name", "Trial")).post("/api/v1/tags").then().statusCode(201).extract().path("id");
        String journey = m.asOwner().body(Map.of("name", "Trial nurture", "entry", Map.of("trigger", "TAG_ADDED", "tagId", tag),
                        "exitWhen", List.of("ORDERED", "TAG_REMOVED"), "steps", List.of(
                                Map.of("name", "Hello", "points", 10),
                                Map.of("name", "Day two", "delay", "P1D", "points", 20))))
                .post("/api/v1/journeys").then().statusCode(201).extract().path("id");
        m.asOwner().post("/api/v1/journeys/" + journey + "/activate").then().statusCode(200);
        String dave = member(m, "Dave");
        String erin = member(m, "Erin");
        String frank = member(m, "Frank");
        String untagged = member(m, "Gina");
        for (String member : List.of(dave, erin, frank)) {
            m.asOwner().put("/api/v1/members/" + member + "/tags/" + tag).then().statusCode(200);
        }
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("entered", equalTo(3)).body("reached", equalTo(3));

        order(m, dave, "dave-1");
        m.asOwner().delete("/api/v1/members/" + erin + "/tags/" + tag).then().statusCode(200);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("exited", equalTo(2)).body("reached", equalTo(0));

        m.asOwner().post("/api/v1/journeys/" + journey + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
        daysPass(m, 1);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(0));
        funnel(m, journey).body("steps[1].waiting", equalTo(1));
        m.asOwner().post("/api/v1/journeys/" + journey + "/activate").then().statusCode(200);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("reached", equalTo(1)).body("completed", equalTo(1));

        funnel(m, journey).body("entered", equalTo(3)).body("completed", equalTo(1)).body("exited", equalTo(2))
                .body("exitReasons.ORDERED", equalTo(1)).body("exitReasons.TAG_REMOVED", equalTo(1))
                .body("steps[0].reached", equalTo(3)).body("steps[1].reached", equalTo(1));
        assertThat(points(m, frank)).isEqualTo(30);
        assertThat(points(m, erin)).isEqualTo(10);
        assertThat(points(m, untagged)).isZero();
        assertThat(TenantSql.events(m.id(), "JourneyExited")).isEqualTo(2);
    }

    @Test
    void anEventEntersEachMemberItIsAboutOnceAndOnlyAfterTheJourneyWasActivated() {
        Merchant m = Merchants.signUp("journey-event");
        noQuietHours(m);
        String journey = m.asOwner().body(definition("First purchase thanks", null)).post("/api/v1/journeys").then().statusCode(201)
                .extract().path("id");
        String before = member(m, "Hana");
        String buyer = member(m, "Ivan");
        String idle = member(m, "Jun");
        order(m, before, "before-activation");
        m.asOwner().post("/api/v1/journeys/" + journey + "/activate").then().statusCode(200);
        order(m, buyer, "buyer-1");
        order(m, buyer, "buyer-2");

        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().statusCode(200)
                .body("entered", equalTo(1)).body("reached", equalTo(1)).body("completed", equalTo(1));
        order(m, before, "before-again");
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("entered", equalTo(1)).body("reached", equalTo(1));
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("entered", equalTo(0)).body("reached", equalTo(0));
        order(m, buyer, "buyer-3");
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().body("entered", equalTo(0)).body("reached", equalTo(0));

        funnel(m, journey).body("entered", equalTo(2)).body("completed", equalTo(2)).body("steps[0].reached", equalTo(2));
        assertThat(points(m, buyer) - pointsFromOrders(m, buyer)).as("journey points of a member who ordered three times").isEqualTo(5);
        assertThat(points(m, before) - pointsFromOrders(m, before)).as("entered by the order after activation only").isEqualTo(5);
        assertThat(points(m, idle)).isZero();
        assertThat(TenantSql.events(m.id(), "JourneyCompleted")).isEqualTo(2);
    }

    @Test
    void aJourneyMustBeWellFormedAndStaysWithItsMerchant() {
        Merchant m = Merchants.signUp("journey-bad");
        Merchant other = Merchants.signUp("journey-other");
        m.asOwner().body(Map.of("name", "Nothing", "entry", Map.of("trigger", "REGISTERED"), "steps", List.of(Map.of("name", "Empty"))))
                .post("/api/v1/journeys").then().statusCode(400).body("errors[0].field", equalTo("steps[0].couponTemplateId"));
        m.asOwner().body(Map.of("name", "Reminder first", "entry", Map.of("trigger", "REGISTERED"),
                        "steps", List.of(Map.of("name", "Remind", "condition", "COUPON_UNUSED", "points", 5))))
                .post("/api/v1/journeys").then().statusCode(400).body("errors[0].field", equalTo("steps[0].condition"));
        m.asOwner().body(Map.of("name", "Odd wait", "entry", Map.of("trigger", "REGISTERED"),
                        "steps", List.of(Map.of("name", "Later", "delay", "3 days", "points", 5))))
                .post("/api/v1/journeys").then().statusCode(400);
        m.asOwner().body(Map.of("name", "No tag", "entry", Map.of("trigger", "TAG_ADDED"), "steps", List.of(Map.of("name", "Hi", "points", 5))))
                .post("/api/v1/journeys").then().statusCode(400).body("errors[0].field", equalTo("entry.tagId"));
        String mine = m.asOwner().body(definition("Fine", null)).post("/api/v1/journeys").then().statusCode(201).extract().path("id");
        m.asOwner().body(definition("Fine", null)).post("/api/v1/journeys").then().statusCode(409).body("code", equalTo("JOURNEY_EXISTS"));
        m.asOwner().body(definition("Finer", null)).put("/api/v1/journeys/" + mine).then().statusCode(200).body("name", equalTo("Finer"));
        other.asOwner().get("/api/v1/journeys/" + mine).then().statusCode(404);
        other.asOwner().post("/api/v1/journeys/" + mine + "/runs").then().statusCode(404);
        other.asOwner().get("/api/v1/journeys/" + mine + "/funnel").then().statusCode(404);
        Merchants.as(Merchants.staffToken(m, "operator")).post("/api/v1/journeys/" + mine + "/activate").then().statusCode(403);
        Merchants.as(Merchants.staffToken(m, "operator")).get("/api/v1/journeys/" + mine + "/funnel").then().statusCode(200);
    }

    private static Map<String, Object> definition(String name, String template) {
        Map<String, Object> step = new HashMap<>(Map.of("name", "Points", "points", 5));
        if (template != null) {
            step.put("couponTemplateId", template);
        }
        return Map.of("name", name, "entry", Map.of("trigger", "EVENT", "eventType", "OrderRecorded"), "steps", List.of(step));
    }

    /** Days pass for everyone in the merchant's journeys: entry and the start of each wait move back. */
    private static void daysPass(Merchant m, int days) {
        TenantSql.update(m.id(), "update journey_member set entered_at = entered_at - make_interval(days => ?), "
                + "waiting_since = waiting_since - make_interval(days => ?)", days, days);
    }

    private static io.restassured.response.ValidatableResponse funnel(Merchant m, String journey) {
        return m.asOwner().get("/api/v1/journeys/" + journey + "/funnel").then().statusCode(200);
    }

    private static void noQuietHours(Merchant m) {
        m.asOwner().body(Map.of("maxSends", 20, "perDays", 7)).put("/api/v1/marketing/settings").then().statusCode(200);
    }

    private static long points(Merchant m, String member) {
        return ((Number) m.asOwner().get("/api/v1/members/" + member + "/points").then().extract().path("balance")).longValue();
    }

    private static long pointsFromOrders(Merchant m, String member) {
        return ((Number) TenantSql.query(m.id(), "select coalesce(sum(delta), 0) as n from points_entry where member_id = ?::uuid "
                + "and reason <> 'JOURNEY'", member).getFirst().get("n")).longValue();
    }

    private static String member(Merchant m, String name) {
        return m.asOwner().body(Map.of("name", name, "phone", String.format("1370018%04d", PHONES.incrementAndGet())))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String memberId, String externalId) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", 3_000, "channel", "shop",
                        "paidAt", Instant.now().toString(),
                        "items", List.of(Map.of("name", "Item", "category", "dairy", "quantity", 1, "amount", 3_000))))
                .post("/api/v1/orders").then().statusCode(201);
    }
}
