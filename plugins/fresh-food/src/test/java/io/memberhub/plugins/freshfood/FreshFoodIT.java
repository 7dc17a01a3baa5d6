package io.memberhub.plugins.freshfood;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.launcher.MarketJourney;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seeds' fresh-food case against the real platform and market: a grocer enables the pack and
 * adopts its starter; Wednesday orders earn double points; the 4th order in 30 days makes a member
 * Frequent, the 15th VIP, whose checkout delivers free over 59 yuan and has the daily specials first.
 * A second grocer who did not enable it sees none of this.
 */
class FreshFoodIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 20.00 yuan: 20 points at the platform's default 1 point per yuan. */
    private static final long AMOUNT = 2_000;
    private static final long BASE_POINTS = 20;

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
    void aGrocerAdoptsThePackAndItsMembersEarnLevelsMemberDayPointsAndVipBenefits() throws Exception {
        MarketJourney.Merchant grocer = market.merchant("Fresh Corner");
        MarketJourney.Merchant other = market.merchant("Other Grocer");
        grocer.enable("fresh-food", Map.of());

        JsonNode starter = grocer.call("POST", "/api/v1/plugins/fresh-food/starter", null, 200);
        assertThat(starter.get("adopted").asBoolean()).isTrue();
        JsonNode levels = grocer.call("GET", "/api/v1/levels", null, 200);
        assertThat(levels.findValuesAsText("name")).containsExactly("Regular", "Frequent", "Loyal", "VIP");
        assertThat(List.of(levels.get(1), levels.get(2), levels.get(3))).allSatisfy(level -> {
            assertThat(level.at("/upgradeRule/metric").asText()).isEqualTo("ORDER_COUNT");
            assertThat(level.at("/upgradeRule/window/days").asInt()).isEqualTo(30);
        });
        assertThat(List.of(levels.get(1), levels.get(2), levels.get(3))).extracting(level -> level.at("/upgradeRule/atLeast").asLong())
                .containsExactly(4L, 8L, 15L);
        assertThat(levels.get(3).at("/benefits/0/type").asText()).isEqualTo("FREE_SHIPPING_OVER");
        assertThat(levels.get(3).at("/benefits/0/value").asLong()).isEqualTo(5_900);
        JsonNode config = starter.get("settings");
        assertThat(config.get("memberDay").asText()).isEqualTo("WEDNESDAY");
        assertThat(config.get("memberDayMultiplier").asText()).isEqualTo("2");
        assertThat(config.get("timeZone").asText()).isEqualTo("Asia/Shanghai");

        // Wednesday 00:30 in Shanghai is still Tuesday in UTC: the member day follows the merchant's time zone.
        LocalDate wednesday = LocalDate.now(SHANGHAI).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
        Instant wednesdayEarly = wednesday.atTime(LocalTime.of(0, 30)).atZone(SHANGHAI).toInstant();
        Instant tuesday = wednesday.minusDays(1).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant();

        String shopper = grocer.member("13900000001");
        assertThat(order(grocer, shopper, wednesdayEarly)).as("member day: double points").isEqualTo(2 * BASE_POINTS);
        assertThat(order(grocer, shopper, tuesday)).as("any other day: normal points").isEqualTo(BASE_POINTS);
        order(grocer, shopper, tuesday);
        assertThat(levelOf(grocer, shopper)).isEqualTo("Regular");
        order(grocer, shopper, tuesday);
        assertThat(levelOf(grocer, shopper)).as("the 4th order in 30 days").isEqualTo("Frequent");
        assertThat(quote(grocer, shopper, 6_000).get("freeShipping").asBoolean()).isFalse();
        assertThat(quote(grocer, shopper, 6_000).get("pluginBenefits")).isEmpty();

        for (int i = 5; i <= 15; i++) {
            order(grocer, shopper, tuesday);
        }
        assertThat(levelOf(grocer, shopper)).as("the 15th order in 30 days").isEqualTo("VIP");
        JsonNode vipQuote = quote(grocer, shopper, 6_000);
        assertThat(vipQuote.get("freeShipping").asBoolean()).as("free delivery over 59 yuan").isTrue();
        assertThat(vipQuote.get("total").asLong()).isEqualTo(6_000);
        assertThat(vipQuote.get("pluginBenefits").findValuesAsText("type")).containsExactly("DAILY_SPECIALS_FIRST");
        assertThat(quote(grocer, shopper, 5_000).get("freeShipping").asBoolean()).as("under the threshold").isFalse();

        // The other grocer never enabled the pack: no levels, and Wednesday is a day like any other.
        assertThat(other.call("GET", "/api/v1/levels", null, 200)).isEmpty();
        String elsewhere = other.member("13900000002");
        assertThat(order(other, elsewhere, wednesdayEarly)).isEqualTo(BASE_POINTS);
        assertThat(quote(other, elsewhere, 6_000).get("pluginBenefits")).isEmpty();
    }

    @Test
    void theMerchantsOwnMemberDayAndMultiplierApply() throws Exception {
        MarketJourney.Merchant grocer = market.merchant("Friday Market");
        grocer.enable("fresh-food", Map.of("memberDay", "friday", "memberDayMultiplier", "3"));
        LocalDate friday = LocalDate.now(SHANGHAI).with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        String shopper = grocer.member("13900000003");

        assertThat(order(grocer, shopper, friday.atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant())).isEqualTo(3 * BASE_POINTS);
        assertThat(order(grocer, shopper, friday.minusDays(2).atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant()))
                .as("Wednesday is no longer member day").isEqualTo(BASE_POINTS);
    }

    @Test
    void aMemberDayThePackCannotReadEarnsNormalPointsAndShowsAsThePluginsFailure() throws Exception {
        MarketJourney.Merchant grocer = market.merchant("Typo Market");
        grocer.enable("fresh-food", Map.of("memberDay", "Wednesdays"));
        String shopper = grocer.member("13900000004");

        assertThat(order(grocer, shopper, Instant.now().minusSeconds(60))).isEqualTo(BASE_POINTS);
        JsonNode plugin = grocer.call("GET", "/api/v1/plugins", null, 200).findParents("id").stream()
                .filter(p -> p.get("id").asText().equals("fresh-food")).findFirst().orElseThrow();
        assertThat(plugin.at("/calls/failures").asLong()).isEqualTo(1);
        assertThat(plugin.get("consecutiveFailures").asInt()).isEqualTo(1);
    }

    private long order(MarketJourney.Merchant merchant, String memberId, Instant paidAt) throws Exception {
        String externalId = "fresh-" + orders.incrementAndGet() + "-" + System.nanoTime();
        return merchant.callOnce(externalId, "POST", "/api/v1/orders", Map.of("memberId", memberId, "externalId", externalId,
                "amount", AMOUNT, "channel", "shop", "paidAt", paidAt.toString(),
                "items", List.of(Map.of("name", "Bok choy", "category", "vegetables", "quantity", 2, "amount", AMOUNT))), 201)
                .get("pointsEarned").asLong();
    }

    private static String levelOf(MarketJourney.Merchant merchant, String memberId) throws Exception {
        return merchant.call("GET", "/api/v1/members/" + memberId + "/level", null, 200).at("/level/name").asText();
    }

    private static JsonNode quote(MarketJourney.Merchant merchant, String memberId, long amount) throws Exception {
        return merchant.call("POST", "/api/v1/checkout/quote", Map.of("memberId", memberId, "amount", amount, "shippingFee", 800), 200);
    }
}
