package io.memberhub.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.launcher.MarketJourney;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeds' education case against the real platform and market: a school enables the pack and
 * adopts its starter; a student brought in by another pays for a course and the referrer earns 500
 * points, once, though the order event is handed to the plugin again and the student orders again;
 * benefit flags follow the level. A second school that did not enable it sees none of this.
 */
class EducationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static MarketJourney market;
    private final AtomicInteger orders = new AtomicInteger();

    @BeforeAll
    static void startPlatform() throws Exception {
        market = MarketJourney.start();
        market.publishBuiltPackage();
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    @Test
    void aReferralPaysTheReferrerOnceAndBenefitFlagsFollowTheLevel() throws Exception {
        MarketJourney.Merchant school = market.merchant("Bright School");
        MarketJourney.Merchant other = market.merchant("Other School");
        school.enable("education", Map.of());

        JsonNode starter = school.call("POST", "/api/v1/plugins/education/starter", null, 200);
        assertThat(starter.get("adopted").asBoolean()).isTrue();
        JsonNode levels = school.call("GET", "/api/v1/levels", null, 200);
        assertThat(levels.findValuesAsText("name")).containsExactly("Trial", "Student", "VIP Student");
        assertThat(List.of(levels.get(1), levels.get(2))).allSatisfy(level -> {
            assertThat(level.at("/upgradeRule/metric").asText()).isEqualTo("SPEND");
            assertThat(level.at("/upgradeRule/window/months").asInt()).isEqualTo(12);
        });
        assertThat(levels.get(1).at("/upgradeRule/atLeast").asLong()).isEqualTo(100_000);
        assertThat(levels.get(2).at("/upgradeRule/atLeast").asLong()).isEqualTo(1_000_000);
        assertThat(starter.at("/settings/referralPoints").asText()).isEqualTo("500");

        String referrer = school.member("13600000001");
        String student = school.call("POST", "/api/v1/members", Map.of("phone", "13600000002", "referredBy", referrer), 201)
                .get("id").asText();
        assertThat(school.call("PATCH", "/api/v1/members/" + referrer, Map.of("referredBy", referrer), 422).get("code").asText())
                .isEqualTo("REFERRAL_SELF");
        assertThat(school.call("PATCH", "/api/v1/members/" + referrer, Map.of("referredBy", student), 422).get("code").asText())
                .isEqualTo("REFERRAL_LOOP");
        assertThat(school.call("GET", "/api/v1/members/" + referrer, null, 200).get("referredBy").isNull()).isTrue();

        Instant beforeOrders = Instant.now();
        order(school, student, 128_000);
        await().atMost(PATIENCE).until(() -> balance(school, referrer) == 500);
        assertThat(benefits(school, student)).as("a Student").containsExactly("LIFETIME_REPLAY");
        assertThat(benefits(school, referrer)).as("still on Trial").isEmpty();

        // The order event handed to the plugin again, as a merchant catching a plugin up would: nothing more is paid.
        JsonNode replay = school.call("POST", "/api/v1/plugins/education/event-replays", Map.of("from", beforeOrders.toString()), 202);
        assertThat(replay.get("queued").asInt()).isPositive();
        await().atMost(PATIENCE).until(() -> school.call("GET", "/api/v1/plugins/education/event-replays", null, 200)
                .get("waiting").asLong() == 0);
        assertThat(balance(school, referrer)).isEqualTo(500);

        // A second order pays nothing more either. The plugin hears one merchant's events in order, so once the
        // referral of a later member is paid, the second order's event has been handled.
        order(school, student, 900_000);
        String friend = school.call("POST", "/api/v1/members", Map.of("phone", "13600000003", "referredBy", student), 201).get("id").asText();
        order(school, friend, 10_000);
        await().atMost(PATIENCE).until(() -> referralRewards(school, student) == 1);
        assertThat(balance(school, referrer)).isEqualTo(500);
        assertThat(referralRewards(school, referrer)).isEqualTo(1);
        assertThat(benefits(school, student)).as("a VIP Student").containsExactly("LIFETIME_REPLAY", "ONE_TO_ONE_QA");

        // The other school never enabled the pack: no levels, no referral rewards, no flags.
        assertThat(other.call("GET", "/api/v1/levels", null, 200)).isEmpty();
        String otherReferrer = other.member("13600000004");
        String otherStudent = other.call("POST", "/api/v1/members", Map.of("phone", "13600000005", "referredBy", otherReferrer), 201)
                .get("id").asText();
        order(other, otherStudent, 128_000);
        assertThat(balance(other, otherReferrer)).isZero();
        assertThat(benefits(other, otherStudent)).isEmpty();
    }

    private void order(MarketJourney.Merchant merchant, String memberId, long amount) throws Exception {
        String externalId = "course-" + orders.incrementAndGet() + "-" + System.nanoTime();
        merchant.callOnce(externalId, "POST", "/api/v1/orders", Map.of("memberId", memberId, "externalId", externalId, "amount", amount,
                "channel", "school", "paidAt", Instant.now().minusSeconds(60).toString(),
                "items", List.of(Map.of("name", "Piano, 20 lessons", "category", "course", "quantity", 1, "amount", amount))), 201);
    }

    private static long balance(MarketJourney.Merchant merchant, String memberId) throws Exception {
        return merchant.call("GET", "/api/v1/members/" + memberId + "/points", null, 200).get("balance").asLong();
    }

    private static long referralRewards(MarketJourney.Merchant merchant, String memberId) throws Exception {
        List<String> reasons = merchant.call("GET", "/api/v1/members/" + memberId + "/points/entries", null, 200).findValuesAsText("reason");
        return reasons.stream().filter("REFERRAL_REWARD"::equals).count();
    }

    private static List<String> benefits(MarketJourney.Merchant merchant, String memberId) throws Exception {
        return merchant.call("GET", "/api/v1/members/" + memberId + "/plugin-benefits", null, 200).findValuesAsText("type");
    }
}
