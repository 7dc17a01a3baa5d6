package io.memberhub.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The points mall through the real API: the merchant's rewards, members redeeming in their app, staff fulfilling and cancelling. */
@QuarkusTest
class PointsMallTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    /** A member signed in to the merchant's app, with {@code points} points from an order. */
    record Member(String id, String token) {

        io.restassured.specification.RequestSpecification app() {
            return Merchants.as(token);
        }
    }

    private static Merchant merchant(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365)).put("/api/v1/points/settings").then().statusCode(200);
        return m;
    }

    private static Member member(Merchant m, long points) {
        String phone = "166" + String.format("%04d", ProcessHandle.current().pid() % 10_000) + String.format("%04d", PHONES.incrementAndGet());
        String token = SmsInbox.memberToken(m, phone);
        String id = Merchants.as(token).get("/api/member/me").then().statusCode(200).extract().path("id");
        if (points > 0) {
            String order = "O-" + UUID.randomUUID();
            m.asOwner().header("Idempotency-Key", order).body(Map.of("memberId", id, "externalId", order, "amount", points * 100,
                    "channel", "shop", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/orders").then().statusCode(201);
        }
        return new Member(id, token);
    }

    private static String reward(Merchant m, Map<String, Object> body, boolean publish) {
        String id = m.asOwner().body(body).post("/api/v1/mall/rewards").then().statusCode(201)
                .body("published", equalTo(false)).extract().path("id");
        if (publish) {
            m.asOwner().put("/api/v1/mall/rewards/" + id + "/publication").then().statusCode(200).body("published", equalTo(true));
        }
        return id;
    }

    private static Map<String, Object> goods(String name, long price, Long stock) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "GOODS", "name", name, "pointsPrice", price));
        if (stock != null) {
            body.put("stock", stock);
        }
        return body;
    }

    private static ValidatableResponse redeem(Member member, String key, String reward, int quantity) {
        return member.app().header("Idempotency-Key", key).body(Map.of("rewardId", reward, "quantity", quantity))
                .post("/api/member/me/mall/redemptions").then();
    }

    private static int balance(Member member) {
        return member.app().get("/api/member/me/points").then().statusCode(200).body("consistent", equalTo(true))
                .extract().path("balance");
    }

    private static int stock(Merchant m, String reward) {
        return m.asOwner().get("/api/v1/mall/rewards/" + reward).then().statusCode(200).extract().path("stock");
    }

    @Test
    void theLastItemInStockGoesToExactlyOneOfTheMembersRedeemingAtOnce() throws Exception {
        Merchant m = merchant("mall-race");
        String lastMug = reward(m, goods("Last mug", 100, 1L), true);
        int racers = 6;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            members.add(member(m, 300));
        }

        List<Response> answers = together(racers, i -> members.get(i).app().header("Idempotency-Key", "race")
                .body(Map.of("rewardId", lastMug)).post("/api/member/me/mall/redemptions"));
        int won = 0;
        for (int i = 0; i < racers; i++) {
            Response answer = answers.get(i);
            if (answer.statusCode() == 201) {
                won++;
                assertThat(balance(members.get(i))).isEqualTo(200);
            } else {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.jsonPath().getString("code")).isEqualTo("OUT_OF_STOCK");
                // Refused: the member's points untouched, not even a ledger line.
                assertThat(balance(members.get(i))).isEqualTo(300);
                members.get(i).app().get("/api/member/me/points/entries").then().body("$", hasSize(1));
                members.get(i).app().get("/api/member/me/mall/redemptions").then().body("$", hasSize(0));
            }
        }
        assertThat(won).isEqualTo(1);
        assertThat(stock(m, lastMug)).isZero();
        m.asOwner().get("/api/v1/mall/redemptions?rewardId=" + lastMug).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("PLACED")).body("[0].points", equalTo(100));
        assertThat(TenantSql.events(m.id(), "MallRedemptionPlaced")).isEqualTo(1);
    }

    @Test
    void oneMemberRedeemingFromSeveralPhonesAtOnceStaysWithinTheLimit() throws Exception {
        Merchant m = merchant("mall-limit-race");
        Map<String, Object> body = goods("One per member", 10, null);
        body.put("perMemberLimit", 1);
        String once = reward(m, body, true);
        Member member = member(m, 100);

        List<Response> answers = together(4, i -> member.app().header("Idempotency-Key", "phone-" + i).body(Map.of("rewardId", once))
                .post("/api/member/me/mall/redemptions"));
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.statusCode() != 201).map(a -> a.jsonPath().getString("code")))
                .containsOnly("MEMBER_LIMIT_REACHED");
        assertThat(balance(member)).isEqualTo(90);
    }

    /** Makes {@code n} calls on as many threads, released at once by one latch; the answers by thread number. */
    private static List<Response> together(int n, java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int thread = i;
                running.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(thread);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : running) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingAnOrderReturnsItsPointsAndStockAndAFulfilledOrderStaysFulfilled() {
        Merchant m = merchant("mall-cancel");
        String tea = reward(m, goods("Tea set", 50, 3L), true);
        Member member = member(m, 200);

        String order = redeem(member, "k1", tea, 2).statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("PLACED")).body("points", equalTo(100)).body("quantity", equalTo(2))
                .extract().path("id");
        redeem(member, "k1", tea, 2).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(order));
        assertThat(balance(member)).isEqualTo(100);
        assertThat(stock(m, tea)).isEqualTo(1);

        m.asOwner().body(Map.of("reason", "Out of the blue colour")).post("/api/v1/mall/redemptions/" + order + "/cancellation").then()
                .statusCode(201).header("Idempotent-Replayed", "false")
                .body("status", equalTo("CANCELLED")).body("pointsReturned", equalTo(100)).body("pointsExpired", equalTo(0))
                .body("cancelReason", equalTo("Out of the blue colour"));
        m.asOwner().post("/api/v1/mall/redemptions/" + order + "/cancellation").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("pointsReturned", equalTo(100));
        assertThat(balance(member)).isEqualTo(200);
        assertThat(stock(m, tea)).isEqualTo(3);
        member.app().get("/api/member/me/points").then().body("recent[0].reason", equalTo("MALL_REDEMPTION_CANCELLED"))
                .body("recent[0].delta", equalTo(100)).body("recent[1].reason", equalTo("MALL_REDEMPTION"));
        m.asOwner().post("/api/v1/mall/redemptions/" + order + "/fulfilment").then().statusCode(409)
                .body("code", equalTo("REDEMPTION_CANCELLED"));

        String kept = redeem(member, "k2", tea, 1).statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("note", "SF Express SF1234567890")).post("/api/v1/mall/redemptions/" + kept + "/fulfilment").then()
                .statusCode(200).body("status", equalTo("FULFILLED")).body("fulfilmentNote", equalTo("SF Express SF1234567890"))
                .body("fulfilledAt", notNullValue());
        m.asOwner().post("/api/v1/mall/redemptions/" + kept + "/cancellation").then().statusCode(409)
                .body("code", equalTo("REDEMPTION_NOT_CANCELLABLE"));
        m.asOwner().post("/api/v1/mall/redemptions/" + kept + "/fulfilment").then().statusCode(409)
                .body("code", equalTo("REDEMPTION_ALREADY_FULFILLED"));
        assertThat(balance(member)).isEqualTo(150);
        member.app().get("/api/member/me/mall/redemptions").then().statusCode(200).body("$", hasSize(2))
                .body("[0].status", equalTo("FULFILLED")).body("[1].status", equalTo("CANCELLED"));
        m.asOwner().get("/api/v1/mall/redemptions?status=PLACED").then().body("$", hasSize(0));

        assertThat(TenantSql.events(m.id(), "MallRedemptionPlaced")).isEqualTo(2);
        assertThat(TenantSql.events(m.id(), "MallRedemptionCancelled")).isEqualTo(1);
        assertThat(TenantSql.events(m.id(), "MallRedemptionFulfilled")).isEqualTo(1);
    }

    @Test
    void aMemberLimitCountsEveryOrderButCancelledOnesAndRefusalsChangeNothing() {
        Merchant m = merchant("mall-limit");
        Map<String, Object> body = goods("Free coffee", 10, null);
        body.put("kind", "SERVICE");
        body.put("perMemberLimit", 2);
        String coffee = reward(m, body, true);
        Member member = member(m, 100);
        Member other = member(m, 100);

        String first = redeem(member, "a", coffee, 1).statusCode(201).extract().path("id");
        redeem(member, "b", coffee, 1).statusCode(201);
        redeem(member, "c", coffee, 1).statusCode(422).contentType("application/problem+json").body("code", equalTo("MEMBER_LIMIT_REACHED"));
        redeem(other, "a", coffee, 2).statusCode(201).header("Idempotent-Replayed", "false");
        member.app().get("/api/member/me/mall/rewards/" + coffee).then().statusCode(200)
                .body("redeemedByMe", equalTo(2)).body("leftForMe", equalTo(0)).body("reward.stock", nullValue());
        assertThat(balance(member)).isEqualTo(80);

        m.asOwner().post("/api/v1/mall/redemptions/" + first + "/cancellation").then().statusCode(201);
        redeem(member, "c", coffee, 1).statusCode(201);
        redeem(member, "d", coffee, 1).statusCode(422).body("code", equalTo("MEMBER_LIMIT_REACHED"));
        assertThat(balance(member)).isEqualTo(80);

        String dear = reward(m, goods("Bicycle", 10_000, 5L), true);
        redeem(member, "e", dear, 1).statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));
        redeem(member, "f", dear, 0).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        member.app().body(Map.of("rewardId", dear)).post("/api/member/me/mall/redemptions").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        assertThat(stock(m, dear)).isEqualTo(5);
        assertThat(balance(member)).isEqualTo(80);
    }

    @Test
    void windowsLevelsAndPublicationDecideWhatAMemberMayRedeem() {
        Merchant m = merchant("mall-rules");
        String basic = m.asOwner().body(Map.of("name", "Basic", "rank", 0)).post("/api/v1/levels").then().statusCode(201).extract().path("id");
        String gold = m.asOwner().body(Map.of("name", "Gold", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", 100_000)))
                .post("/api/v1/levels").then().statusCode(201).extract().path("id");
        Member member = member(m, 100);
        assertThat(basic).isNotNull();

        Map<String, Object> soon = goods("Spring tea", 1, null);
        soon.put("availableFrom", Instant.now().plusSeconds(3_600).toString());
        String spring = reward(m, soon, true);
        Map<String, Object> past = goods("Winter tea", 1, null);
        past.put("availableFrom", Instant.now().minusSeconds(7_200).toString());
        past.put("availableUntil", Instant.now().minusSeconds(3_600).toString());
        String winter = reward(m, past, true);
        Map<String, Object> vip = goods("Gold lounge", 1, null);
        vip.put("minLevelId", gold);
        String lounge = reward(m, vip, true);
        String hidden = reward(m, goods("Not yet on sale", 1, null), false);

        redeem(member, "1", spring, 1).statusCode(422).body("code", equalTo("REWARD_NOT_YET_AVAILABLE"));
        redeem(member, "2", winter, 1).statusCode(422).body("code", equalTo("REWARD_ENDED"));
        redeem(member, "3", lounge, 1).statusCode(422).body("code", equalTo("LEVEL_REQUIRED"));
        redeem(member, "4", hidden, 1).statusCode(404).body("code", equalTo("REWARD_NOT_FOUND"));
        member.app().get("/api/member/me/mall/rewards").then().statusCode(200).body("$", hasSize(2))
                .body("find { it.reward.id == '" + lounge + "' }.levelMet", equalTo(false))
                .body("find { it.reward.id == '" + lounge + "' }.reward.minLevel.name", equalTo("Gold"))
                .body("find { it.reward.id == '" + spring + "' }.levelMet", equalTo(true));
        assertThat(balance(member)).isEqualTo(100);

        // An order that lifts the member to Gold opens the lounge.
        String order = "GOLD-" + UUID.randomUUID();
        m.asOwner().header("Idempotency-Key", order).body(Map.of("memberId", member.id(), "externalId", order, "amount", 100_000,
                "channel", "shop", "paidAt", Instant.now().minusSeconds(30).toString())).post("/api/v1/orders").then().statusCode(201);
        redeem(member, "3", lounge, 1).statusCode(201).body("status", equalTo("PLACED"));

        m.asOwner().delete("/api/v1/mall/rewards/" + lounge + "/publication").then().statusCode(200).body("published", equalTo(false));
        redeem(member, "5", lounge, 1).statusCode(404).body("code", equalTo("REWARD_NOT_FOUND"));
        member.app().get("/api/member/me/mall/redemptions").then().body("$", hasSize(1)).body("[0].rewardName", equalTo("Gold lounge"));
    }

    @Test
    void aCouponRewardIssuesItsCouponsAtOnceAndTheMerchantManagesRewardsAndStock() {
        Merchant m = merchant("mall-coupon");
        Merchant other = merchant("mall-coupon-other");
        String template = m.asOwner().body(Map.of("name", "5 off", "kind", "AMOUNT_OFF", "value", 500, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        String theirs = other.asOwner().body(Map.of("name", "Theirs", "kind", "AMOUNT_OFF", "value", 500, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");

        m.asOwner().body(Map.of("kind", "COUPON", "name", "No template", "pointsPrice", 10)).post("/api/v1/mall/rewards").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        m.asOwner().body(Map.of("kind", "COUPON", "name", "Theirs", "pointsPrice", 10, "couponTemplateId", theirs))
                .post("/api/v1/mall/rewards").then().statusCode(404).body("code", equalTo("COUPON_TEMPLATE_NOT_FOUND"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(goods("By an operator", 1, 1L)).post("/api/v1/mall/rewards").then()
                .statusCode(403);
        String coupon = reward(m, Map.of("kind", "COUPON", "name", "5 off for 30 points", "pointsPrice", 30, "stock", 10,
                "couponTemplateId", template), true);

        Member member = member(m, 100);
        member.app().header("Idempotency-Key", "c").body(Map.of("rewardId", coupon, "quantity", 2)).post("/api/member/me/mall/redemptions")
                .then().statusCode(201).body("status", equalTo("FULFILLED")).body("couponIds", hasSize(2)).body("points", equalTo(60));
        member.app().get("/api/member/me/coupons?status=ISSUED").then().body("$", hasSize(2)).body("[0].source", equalTo("POINTS_MALL"));
        assertThat(balance(member)).isEqualTo(40);
        assertThat(stock(m, coupon)).isEqualTo(8);

        m.asOwner().body(Map.of("delta", -9)).post("/api/v1/mall/rewards/" + coupon + "/stock").then().statusCode(409)
                .body("code", equalTo("STOCK_BELOW_ZERO"));
        m.asOwner().body(Map.of("delta", 5)).post("/api/v1/mall/rewards/" + coupon + "/stock").then().statusCode(200)
                .body("stock", equalTo(13));
        m.asOwner().body(Map.of("kind", "COUPON", "name", "5 off, now 25 points", "pointsPrice", 25, "couponTemplateId", template,
                "perMemberLimit", 3)).put("/api/v1/mall/rewards/" + coupon).then().statusCode(200)
                .body("name", equalTo("5 off, now 25 points")).body("pointsPrice", equalTo(25)).body("stock", equalTo(13))
                .body("perMemberLimit", equalTo(3)).body("published", equalTo(true));
        m.asOwner().body(Map.of("kind", "COUPON", "name", "x", "pointsPrice", 25, "couponTemplateId", template, "stock", 99))
                .put("/api/v1/mall/rewards/" + coupon).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        m.asOwner().body(goods("x", 1, null)).put("/api/v1/mall/rewards/" + coupon).then().statusCode(400);

        // Another merchant sees none of it.
        other.asOwner().get("/api/v1/mall/rewards/" + coupon).then().statusCode(404).body("code", equalTo("REWARD_NOT_FOUND"));
        other.asOwner().get("/api/v1/mall/rewards").then().body("$", hasSize(0));
        Member stranger = member(other, 100);
        stranger.app().header("Idempotency-Key", "s").body(Map.of("rewardId", coupon)).post("/api/member/me/mall/redemptions").then()
                .statusCode(404).body("code", equalTo("REWARD_NOT_FOUND"));
        String order = m.asOwner().get("/api/v1/mall/redemptions").then().extract().path("[0].id");
        other.asOwner().post("/api/v1/mall/redemptions/" + order + "/cancellation").then().statusCode(404)
                .body("code", equalTo("MALL_REDEMPTION_NOT_FOUND"));
        assertThat(balance(stranger)).isEqualTo(100);
        assertThat(TenantSql.events(m.id(), "MallRedemptionFulfilled")).isEqualTo(1);
    }

    @Test
    void aLotteryDrawsItsPrizesAndAPrizeOutOfStockWinsNothing() {
        Merchant m = merchant("mall-lottery");
        String template = m.asOwner().body(Map.of("name", "Lucky coupon", "kind", "AMOUNT_OFF", "value", 800, "validityDays", 7))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        // One mug and nothing else to draw: the first draw wins it, the next finds it gone.
        String mugDraw = reward(m, Map.of("kind", "LOTTERY", "name", "Mug draw", "pointsPrice", 10, "prizes", List.of(
                Map.of("kind", "GOODS", "name", "Mug", "weight", 1, "stock", 1),
                Map.of("kind", "NONE", "name", "谢谢参与", "weight", 0))), true);
        Member member = member(m, 100);

        redeem(member, "d1", mugDraw, 1).statusCode(201).body("status", equalTo("PLACED"))
                .body("prize.kind", equalTo("GOODS")).body("prize.name", equalTo("Mug")).body("prize.outOfStock", equalTo(false));
        redeem(member, "d2", mugDraw, 1).statusCode(201).body("status", equalTo("FULFILLED"))
                .body("prize.kind", equalTo("NONE")).body("prize.outOfStock", equalTo(true)).body("prize.id", nullValue());
        redeem(member, "d3", mugDraw, 2).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(balance(member)).isEqualTo(80);
        m.asOwner().get("/api/v1/mall/rewards/" + mugDraw).then().body("prizes[0].stock", equalTo(0)).body("totalWeight", equalTo(1));

        // Cancelling the mug's order puts the mug back among the prizes.
        String mugOrder = m.asOwner().get("/api/v1/mall/redemptions?status=PLACED").then().body("$", hasSize(1)).extract().path("[0].id");
        m.asOwner().post("/api/v1/mall/redemptions/" + mugOrder + "/cancellation").then().statusCode(201).body("pointsReturned", equalTo(10));
        m.asOwner().get("/api/v1/mall/rewards/" + mugDraw).then().body("prizes[0].stock", equalTo(1));

        // 90 in 100 win nothing, 10 in 100 a coupon: the draw's ticket decides, from the random source the platform injects.
        String couponDraw = reward(m, Map.of("kind", "LOTTERY", "name", "Coupon draw", "pointsPrice", 5, "stock", 2, "prizes", List.of(
                Map.of("kind", "NONE", "name", "谢谢参与", "weight", 90),
                Map.of("kind", "COUPON", "name", "8 off", "weight", 10, "couponTemplateId", template))), true);
        List<Long> tickets = new ArrayList<>(List.of(89L, 90L));
        QuarkusMock.installMockForType(new DrawSource() {
            @Override
            public RandomGenerator random() {
                return OddsTest.ticket(tickets.removeFirst());
            }
        }, DrawSource.class);
        redeem(member, "c1", couponDraw, 1).statusCode(201).body("status", equalTo("FULFILLED")).body("prize.kind", equalTo("NONE"))
                .body("prize.name", equalTo("谢谢参与")).body("couponIds", hasSize(0));
        redeem(member, "c2", couponDraw, 1).statusCode(201).body("status", equalTo("FULFILLED")).body("prize.kind", equalTo("COUPON"))
                .body("couponIds", hasSize(1));
        // The lottery's own stock is its draws: two, both drawn.
        redeem(member, "c3", couponDraw, 1).statusCode(409).body("code", equalTo("OUT_OF_STOCK"));
        member.app().get("/api/member/me/coupons").then().body("$", hasSize(1)).body("[0].name", equalTo("Lucky coupon"));
        assertThat(balance(member)).isEqualTo(90 - 10);
    }
}
