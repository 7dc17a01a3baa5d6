package io.memberhub.platform.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.level.LevelReviewsAwait;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rule change (and the level review it queues, plus one asked for by hand) while orders stream
 * in for the same members: after both, every member's level is what the rules give for the orders
 * that were recorded, and every order was recorded.
 */
@QuarkusTest
class LevelReviewRaceTest {

    private static final int ROUNDS = 2;
    private static final int MEMBERS = 45;
    private static final int ORDER_THREADS = 8;
    private static final long ORDER = 3_000;
    private static final long SILVER_BEFORE = 10_000;
    /** After the change one more order lifts a member to Silver; under the old rule it would not. */
    private static final long SILVER_AFTER = 5_000;
    private static final int GOLD_ORDERS = 3;

    record Placed(String member, int status, String body) {
    }

    @Test
    void aLevelReviewRacingNewOrdersLeavesEveryMemberWhereTheRulesSay() throws Exception {
        int orders = 0;
        int mismatches = 0;
        List<Placed> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Merchant m = Merchants.signUp("review-race");
            m.asOwner().body(Map.of("name", "Basic", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
            String silver = m.asOwner().body(Map.of("name", "Silver", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", SILVER_BEFORE)))
                    .post("/api/v1/levels").then().statusCode(201).extract().path("id");
            m.asOwner().body(Map.of("name", "Gold", "rank", 2, "upgradeRule", Map.of("metric", "ORDER_COUNT", "atLeast", GOLD_ORDERS)))
                    .post("/api/v1/levels").then().statusCode(201);
            Map<String, Integer> placedPerMember = new LinkedHashMap<>();
            for (int i = 0; i < MEMBERS; i++) {
                String member = m.member(String.format("137%04d%04d", round, i));
                m.order(member, "seed-" + member, ORDER, Instant.now().minusSeconds(120));
                placedPerMember.put(member, 1);
            }
            LevelReviewsAwait.done(m);

            // A third of the members get no new order, a third one, a third two; first orders of all before any second.
            List<String> plan = new ArrayList<>();
            List<String> members = List.copyOf(placedPerMember.keySet());
            for (int pass = 1; pass <= 2; pass++) {
                for (int i = 0; i < MEMBERS; i++) {
                    if (i % 3 >= pass) {
                        plan.add(members.get(i));
                    }
                }
            }
            AtomicInteger next = new AtomicInteger();
            String paidAt = Instant.now().minusSeconds(60).toString();
            List<List<Placed>> results = Race.together(ORDER_THREADS + 1, t -> {
                List<Placed> placed = new ArrayList<>();
                if (t == 0) {
                    var change = m.asOwner().body(Map.of("name", "Silver", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", SILVER_AFTER)))
                            .put("/api/v1/levels/" + silver);
                    placed.add(new Placed(null, change.statusCode(), change.asString()));
                    var review = m.asOwner().post("/api/v1/level-reviews");
                    placed.add(new Placed(null, review.statusCode(), review.asString()));
                    return placed;
                }
                for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                    String member = plan.get(i);
                    String externalId = "race-" + i + "-" + member;
                    var r = m.asOwner().header("Idempotency-Key", externalId).body(Map.of("memberId", member, "externalId", externalId,
                            "amount", ORDER, "channel", "shop", "paidAt", paidAt)).post("/api/v1/orders");
                    placed.add(new Placed(member, r.statusCode(), r.asString()));
                }
                return placed;
            });
            LevelReviewsAwait.done(m);

            List<Placed> answers = results.stream().flatMap(List::stream).toList();
            all.addAll(answers);
            assertThat(answers.getFirst().status()).as("the rule change: " + answers.getFirst().body()).isEqualTo(200);
            assertThat(answers.get(1).status()).as("the review asked for: " + answers.get(1).body()).isEqualTo(202);
            assertThat(answers.stream().filter(p -> p.member() != null && p.status() != 201)).as("orders not recorded").isEmpty();
            answers.stream().filter(p -> p.member() != null).forEach(p -> placedPerMember.merge(p.member(), 1, Integer::sum));
            orders += plan.size();

            List<String> wrong = new ArrayList<>();
            for (var member : placedPerMember.entrySet()) {
                int count = member.getValue();
                String expected = count >= GOLD_ORDERS ? "Gold" : count * ORDER >= SILVER_AFTER ? "Silver" : "Basic";
                String level = m.asOwner().get("/api/v1/members/" + member.getKey() + "/level").then().statusCode(200).extract().path("level.name");
                if (!expected.equals(level)) {
                    wrong.add(member.getKey() + " with " + count + " orders is " + level + ", the rules say " + expected);
                }
                m.asOwner().get("/api/v1/members/" + member.getKey() + "/points").then().statusCode(200)
                        .body("balance", org.hamcrest.Matchers.equalTo((int) (count * ORDER / 100)))
                        .body("consistent", org.hamcrest.Matchers.equalTo(true));
                String recomputed = m.asOwner().post("/api/v1/members/" + member.getKey() + "/level/evaluate").then().statusCode(200)
                        .extract().path("level.name");
                assertThat(recomputed).as("the platform's own recompute of " + member.getKey() + " agrees with the rules").isEqualTo(expected);
            }
            mismatches += wrong.size();
            assertThat(wrong).as("members whose level is not what the rules say after the race").isEmpty();
        }
        Race.report("level review racing new orders", ORDER_THREADS + 1, all.size(), tally(all),
                ROUNDS + " rounds x " + MEMBERS + " members, " + orders + " racing orders, rule change + 2 reviews per round; levels wrong after: "
                        + mismatches + ", orders lost: 0");
    }

    private static String tally(List<Placed> placed) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        placed.forEach(p -> counts.merge(p.status(), 1, Integer::sum));
        return counts.toString();
    }
}
