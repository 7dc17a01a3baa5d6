package io.memberhub.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write that takes an {@code Idempotency-Key}, sent with one key from many threads at once:
 * exactly one effect, and every caller gets the same answer (status and body) as the one that ran
 * it. The platform's choice is to make the others wait for the first rather than answer
 * "in progress": a retrying client never has to tell a duplicate from a failure.
 */
@QuarkusTest
class SameKeyRaceTest {

    /** More callers than the platform's database connections (20), so that waiting callers cannot starve the one that runs. */
    static final int THREADS = 24;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAID_AT = Instant.now().minusSeconds(600).toString();
    private static Fixture fixture;

    /** One merchant for every case, set up for all of them; each case works on its own member. */
    record Fixture(Merchant m, String paidLevel, String template, String pricedTemplate) {

        static synchronized Fixture get() {
            if (fixture == null) {
                Merchant m = Merchants.signUp("same-key");
                m.asOwner().body(Map.of("tiers", List.of(Map.of("minAmount", 10_000, "bonusAmount", 1_000)))).put("/api/v1/wallet/bonus-tiers")
                        .then().statusCode(200);
                m.asOwner().body(Map.of("name", "Basic", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
                String paid = m.asOwner().body(Map.of("name", "Club", "rank", 1, "prices", Map.of("MONTH", 3_000)))
                        .post("/api/v1/levels").then().statusCode(201).extract().path("id");
                String template = m.asOwner().body(Map.of("name", "10 off", "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30))
                        .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
                String priced = m.asOwner().body(Map.of("name", "5 off for points", "kind", "AMOUNT_OFF", "value", 500, "validityDays", 30,
                        "pointsPrice", 100)).post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
                fixture = new Fixture(m, paid, template, priced);
            }
            return fixture;
        }

        String member() {
            return m.member("135" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000)));
        }

        void write(String key, String path, Map<String, Object> body) {
            m.asOwner().header("Idempotency-Key", key).body(body).post(path).then().statusCode(201);
        }

        void points(String member, long points) {
            write("seed-points-" + member, "/api/v1/members/" + member + "/points/adjustments", Map.of("points", points, "reason", "seed"));
        }

        void topUp(String member, String externalId, long fen) {
            write(externalId, "/api/v1/top-ups", Map.of("memberId", member, "externalId", externalId, "amount", fen, "channel", "counter",
                    "paidAt", PAID_AT));
        }
    }

    /**
     * One write to race: where it goes, its body, and the effect that must happen once: events of
     * {@code effect} for the member (or, for {@code export_job}, jobs of the merchant).
     */
    record Write(String path, Map<String, Object> body, int status, String member, String effect) {
    }

    record Case(String name, Function<Fixture, Write> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> writes() {
        return Stream.of(
                new Case("paid order", f -> {
                    String member = f.member();
                    return new Write("/api/v1/orders", order(member, "SK-O-" + member), 201, member, "OrderRecorded");
                }),
                new Case("order refund", f -> {
                    String member = f.member();
                    f.write("seed-" + member, "/api/v1/orders", order(member, "SK-R-" + member));
                    return new Write("/api/v1/orders/SK-R-" + member + "/refunds", Map.of("amount", 3_000, "reason", "returned"), 201, member,
                            "OrderRefunded");
                }),
                new Case("points redemption", f -> {
                    String member = f.member();
                    f.points(member, 1_000);
                    return new Write("/api/v1/points/redemptions", Map.of("memberId", member, "externalId", "SK-P-" + member, "points", 500,
                            "orderAmount", 10_000), 201, member, "PointsRedeemed");
                }),
                new Case("points adjustment", f -> {
                    String member = f.member();
                    return new Write("/api/v1/members/" + member + "/points/adjustments", Map.of("points", 50, "reason", "goodwill"), 201,
                            member, "PointsAdjusted");
                }),
                new Case("wallet top-up", f -> {
                    String member = f.member();
                    return new Write("/api/v1/top-ups", Map.of("memberId", member, "externalId", "SK-T-" + member, "amount", 10_000,
                            "channel", "counter", "paidAt", PAID_AT), 201, member, "TopUpRecorded");
                }),
                new Case("top-up refund", f -> {
                    String member = f.member();
                    f.topUp(member, "SK-TR-" + member, 10_000);
                    return new Write("/api/v1/top-ups/SK-TR-" + member + "/refunds", Map.of("amount", 1_000), 201, member, "TopUpRefunded");
                }),
                new Case("wallet spend", f -> {
                    String member = f.member();
                    f.topUp(member, "SK-W-" + member, 10_000);
                    return new Write("/api/v1/wallet-payments", Map.of("memberId", member, "externalId", "SK-WP-" + member, "amount", 600), 201,
                            member, "WalletPaid");
                }),
                new Case("wallet spend refund", f -> {
                    String member = f.member();
                    f.topUp(member, "SK-WR-" + member, 10_000);
                    f.write("SK-WRP-" + member, "/api/v1/wallet-payments", Map.of("memberId", member, "externalId", "SK-WRP-" + member, "amount", 600));
                    return new Write("/api/v1/wallet-payments/SK-WRP-" + member + "/refunds", Map.of("amount", 100), 201, member,
                            "WalletPaymentRefunded");
                }),
                new Case("wallet adjustment", f -> {
                    String member = f.member();
                    return new Write("/api/v1/members/" + member + "/wallet/adjustments", Map.of("amount", 100, "reason", "goodwill"), 201,
                            member, "WalletAdjusted");
                }),
                new Case("coupon issue", f -> {
                    String member = f.member();
                    return new Write("/api/v1/coupons", Map.of("templateId", f.template(), "memberId", member), 201, member, "CouponIssued");
                }),
                new Case("coupon redemption", f -> {
                    String member = f.member();
                    String code = f.m().asOwner().header("Idempotency-Key", "seed-" + member).body(Map.of("templateId", f.template(), "memberId", member))
                            .post("/api/v1/coupons").then().statusCode(201).extract().path("code");
                    return new Write("/api/v1/coupons/" + code + "/redemptions", Map.of("memberId", member, "externalId", "SK-C-" + member,
                            "orderAmount", 5_000), 201, member, "CouponRedeemed");
                }),
                new Case("coupon bought with points", f -> {
                    String member = f.member();
                    f.points(member, 1_000);
                    return new Write("/api/v1/members/" + member + "/coupons/purchases", Map.of("templateId", f.pricedTemplate()), 201, member,
                            "CouponPurchased");
                }),
                new Case("level purchase paid outside", f -> {
                    String member = f.member();
                    return new Write("/api/v1/members/" + member + "/level/purchases", Map.of("levelId", f.paidLevel(), "period", "MONTH",
                            "amount", 3_000, "paidWith", "EXTERNAL", "paymentRef", "bank-" + member), 201, member, "LevelPurchased");
                }),
                new Case("level purchase from the wallet", f -> {
                    String member = f.member();
                    f.topUp(member, "SK-LW-" + member, 10_000);
                    return new Write("/api/v1/members/" + member + "/level/purchases", Map.of("levelId", f.paidLevel(), "period", "MONTH",
                            "amount", 3_000, "paidWith", "WALLET"), 201, member, "WalletPaid");
                }),
                new Case("visit", f -> {
                    String member = f.member();
                    return new Write("/api/v1/visits", Map.of("memberId", member, "externalId", "SK-V-" + member, "location", "front door",
                            "visitedAt", PAID_AT), 201, member, "VisitRecorded");
                }),
                new Case("member erasure", f -> {
                    String member = f.member();
                    return new Write("/api/v1/members/" + member + "/erasure", Map.of("confirm", "ERASE", "reason", "asked by the member"), 201,
                            member, "MemberErased");
                }),
                new Case("data export", f -> new Write("/api/v1/exports", Map.of(), 202, null, "export_job")));
    }

    private static Map<String, Object> order(String member, String externalId) {
        return Map.of("memberId", member, "externalId", externalId, "amount", 10_000, "channel", "shop", "paidAt", PAID_AT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void oneKeyFromManyThreadsTakesEffectOnceAndEveryCallerGetsTheSameAnswer(Case race) throws Exception {
        Fixture f = Fixture.get();
        Write write = race.prepare().apply(f);
        String key = "same-key-" + UUID.randomUUID();
        long before = effects(f, write);

        List<Race.Answer> answers = Race.run(THREADS, i -> f.m().asOwner().header("Idempotency-Key", key).body(write.body()).post(write.path()));

        long effects = effects(f, write) - before;
        Race.report("same Idempotency-Key: " + race.name(), THREADS, THREADS, Race.tally(answers),
                "effects=" + effects + ", distinct answers=" + answers.stream().map(a -> tree(a.body())).distinct().count());
        assertThat(answers).as("every caller's answer").allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(write.status()));
        JsonNode first = tree(answers.getFirst().body());
        assertThat(answers).as("every caller gets the body the write answered").allSatisfy(a -> assertThat(tree(a.body())).isEqualTo(first));
        assertThat(answers.stream().filter(a -> "false".equals(a.replayed())).count()).as("answers that ran the write").isEqualTo(1);
        assertThat(effects).as(write.effect() + " written").isEqualTo(1);
        if (write.member() != null && !write.effect().equals("MemberErased")) {
            for (String ledger : List.of("points", "wallet")) {
                f.m().asOwner().get("/api/v1/members/" + write.member() + "/" + ledger).then().statusCode(200)
                        .body("consistent", org.hamcrest.Matchers.equalTo(true));
            }
        }
    }

    private static long effects(Fixture f, Write write) {
        if (write.member() == null) {
            return ((Number) TenantSql.query(f.m().id(), "select count(*) as n from " + write.effect()).getFirst().get("n")).longValue();
        }
        return ((Number) TenantSql.query(f.m().id(), "select count(*) as n from outbox_event where type = ? and aggregate_id = ?",
                write.effect(), write.member()).getFirst().get("n")).longValue();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
