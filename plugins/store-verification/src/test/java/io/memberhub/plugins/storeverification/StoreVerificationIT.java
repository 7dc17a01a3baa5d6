package io.memberhub.plugins.storeverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.gateclient.Keys;
import io.memberhub.gateclient.MemberCode;
import io.memberhub.gateclient.SignedData;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Store verification through the real market: staff scan a member code and see level, counter benefits,
 * coupons and points, redeem each once (an event's retry answered again), a scanner works from its signed
 * cache while offline and uploads later, and a coupon redeemed twice meanwhile comes back as a conflict.
 */
class StoreVerificationIT {

    private static final String EXT = "/api/v1/ext/store-verification";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MarketJourney market;

    @BeforeAll
    static void startPlatformAndPublish() throws Exception {
        market = MarketJourney.start();
        assertThat(market.publishBuiltPackage().get("status").asText()).isEqualTo("PUBLISHED");
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    /** A café with Silver and Gold, a store, a free coffee a day for Gold, and a Gold member with two coupons and 20 points. */
    private record Cafe(Merchant merchant, String gold, String silver, String tenOff, String fiveOff) {
    }

    private static Cafe cafe(String name, String goldPhone, String silverPhone) throws Exception {
        Merchant m = market.merchant(name);
        m.enable("store-verification", Map.of());
        m.call("POST", "/api/v1/levels", Map.of("name", "Silver", "rank", 0), 201);
        String goldLevel = m.call("POST", "/api/v1/levels", Map.of("name", "Gold", "rank", 1,
                "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 50)), 201).get("id").asText();
        String gold = m.member(goldPhone);
        String silver = m.member(silverPhone);
        m.callOnce(gold + "-order", "POST", "/api/v1/orders", Map.of("memberId", gold, "externalId", "o-1", "amount", 2000, "channel", "shop",
                "paidAt", Instant.now().minusSeconds(600).toString(),
                "items", List.of(Map.of("name", "Beans", "category", "coffee", "quantity", 1, "amount", 2000))), 201);
        m.call("PUT", "/api/v1/members/" + gold + "/level", Map.of("levelId", goldLevel, "reason", "Regular"), 200);
        m.call("PUT", EXT + "/stores/main-st", Map.of("name", "Main Street"), 200);
        m.call("PUT", EXT + "/benefits/free-coffee", Map.of("title", "Free coffee", "levels", List.of("Gold")), 200);
        String ten = m.call("POST", "/api/v1/coupon-templates", Map.of("name", "10 yuan off", "kind", "AMOUNT_OFF", "value", 1000,
                "validityDays", 30), 201).get("id").asText();
        String five = m.call("POST", "/api/v1/coupon-templates", Map.of("name", "5 yuan off", "kind", "AMOUNT_OFF", "value", 500,
                "validityDays", 60), 201).get("id").asText();
        String tenOff = m.callOnce(gold + "-ten", "POST", "/api/v1/coupons", Map.of("templateId", ten, "memberId", gold), 201).get("id").asText();
        String fiveOff = m.callOnce(gold + "-five", "POST", "/api/v1/coupons", Map.of("templateId", five, "memberId", gold), 201).get("id").asText();
        return new Cafe(m, gold, silver, tenOff, fiveOff);
    }

    @Test
    void staffScanAMemberCodeAndRedeemACouponOrABenefitOnce() throws Exception {
        Cafe cafe = cafe("Corner Cafe", "13800000001", "13800000002");
        Merchant m = cafe.merchant();
        String code = m.memberCode(m.memberToken("13800000001"));

        JsonNode scan = m.call("POST", EXT + "/scan", Map.of("code", code, "store", "main-st"), 200);
        assertThat(scan.get("memberId").asText()).isEqualTo(cafe.gold());
        assertThat(scan.get("level").asText()).isEqualTo("Gold");
        assertThat(scan.get("points").asLong()).isEqualTo(20);
        assertThat(scan.get("benefits").findValuesAsText("name")).containsExactly("free-coffee");
        assertThat(scan.get("benefits").get(0).get("available").asBoolean()).isTrue();
        assertThat(scan.get("coupons").findValuesAsText("id")).containsExactly(cafe.tenOff(), cafe.fiveOff());
        assertThat(scan.get("coupons").get(0).get("value").asLong()).isEqualTo(1000);

        // Redeemed once, logged with the staff person and the store; the counter's retry is answered again.
        String owner = m.call("GET", "/api/v1/staff/me", null, 200).get("userId").asText();
        Map<String, Object> redeem = Map.of("eventId", "ev-1", "code", code, "store", "main-st", "coupon", cafe.tenOff());
        JsonNode done = m.call("POST", EXT + "/redemptions", redeem, 201);
        assertThat(done.get("staffId").asText()).isEqualTo(owner);
        assertThat(done.get("store").asText()).isEqualTo("main-st");
        assertThat(done.get("label").asText()).startsWith("10 yuan off");
        assertThat(done.get("replayed").asBoolean()).isFalse();
        assertThat(m.call("POST", EXT + "/redemptions", redeem, 200).get("replayed").asBoolean()).isTrue();

        // A second redemption of the same coupon is refused, as a problem.
        JsonNode again = m.refused("POST", EXT + "/redemptions", Map.of("eventId", "ev-2", "memberId", cafe.gold(), "store", "main-st",
                "coupon", cafe.tenOff()), 409);
        assertThat(again.get("code").asText()).isEqualTo("COUPON_ALREADY_REDEEMED");
        assertThat(again.get("status").asInt()).isEqualTo(409);
        assertThat(again.get("type").asText()).endsWith("/coupon-already-redeemed");
        JsonNode reused = m.refused("POST", EXT + "/redemptions", Map.of("eventId", "ev-1", "memberId", cafe.gold(), "store", "main-st",
                "coupon", cafe.fiveOff()), 409);
        assertThat(reused.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(m.call("GET", "/api/v1/members/" + cafe.gold() + "/coupons?status=REDEEMED", null, 200)).hasSize(1);

        // A scanner hands over today's free coffee, once a day.
        MarketJourney.Device scanner = m.device("Till scanner", "SCANNER");
        JsonNode coffee = scanner.call("POST", EXT + "/redemptions", Map.of("eventId", "s-1", "memberId", cafe.gold(), "store", "main-st",
                "benefit", "free-coffee"), 201);
        assertThat(coffee.get("deviceId").asText()).isEqualTo(scanner.id());
        assertThat(coffee.get("staffId").isNull()).isTrue();
        assertThat(scanner.refused("POST", EXT + "/redemptions", Map.of("eventId", "s-2", "memberId", cafe.gold(), "store", "main-st",
                "benefit", "free-coffee"), 409).get("code").asText()).isEqualTo("BENEFIT_ALREADY_USED");
        assertThat(scanner.refused("POST", EXT + "/redemptions", Map.of("eventId", "s-3", "memberId", cafe.silver(), "store", "main-st",
                "benefit", "free-coffee"), 422).get("code").asText()).isEqualTo("BENEFIT_NOT_FOR_LEVEL");
        JsonNode rescan = m.call("POST", EXT + "/scan", Map.of("code", code, "store", "main-st"), 200);
        assertThat(rescan.get("benefits").get(0).get("available").asBoolean()).isFalse();
        assertThat(rescan.get("coupons").findValuesAsText("id")).containsExactly(cafe.fiveOff());

        // Bad input names every mistake and changes nothing.
        JsonNode bad = m.refused("POST", EXT + "/redemptions", Map.of("store", "nowhere", "coupon", "not-a-coupon", "tip", 2), 400);
        assertThat(bad.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("eventId", "code", "store", "coupon", "tip");
        JsonNode log = m.call("GET", EXT + "/redemptions", null, 200);
        assertThat(log.findValuesAsText("eventId")).containsExactly("s-1", "ev-1");

        // Another merchant's counter does not take this merchant's member code.
        Cafe other = cafe("Other Cafe", "13800000003", "13800000004");
        assertThat(other.merchant().refused("POST", EXT + "/scan", Map.of("code", code, "store", "main-st"), 422).get("code").asText())
                .isEqualTo("MEMBER_CODE_INVALID");
        assertThat(other.merchant().refused("POST", EXT + "/redemptions", Map.of("eventId", "x-1", "code", code, "store", "main-st",
                "coupon", cafe.fiveOff()), 422).get("code").asText()).isEqualTo("MEMBER_CODE_INVALID");
        assertThat(other.merchant().refused("POST", EXT + "/redemptions", Map.of("eventId", "x-2", "memberId", cafe.gold(), "store", "main-st",
                "coupon", cafe.fiveOff()), 404).get("code").asText()).isEqualTo("MEMBER_NOT_FOUND");

        // The console page reads the routes above.
        JsonNode pages = m.call("GET", "/api/v1/console/plugin-pages", null, 200);
        JsonNode page = StreamSupport.stream(pages.spliterator(), false)
                .filter(p -> p.get("pluginId").asText().equals("store-verification")).findFirst().orElseThrow().get("pages").get(0);
        assertThat(page.get("widgets").findValuesAsText("source"))
                .containsExactly("/stores", "/benefits", "/redemptions?limit=50", "/conflicts?limit=50");
    }

    @Test
    void offlineScannersWorkFromTheSignedCacheAndACouponRedeemedTwiceComesBackAsAConflict() throws Exception {
        Cafe cafe = cafe("Offline Cafe", "13800000011", "13800000012");
        Merchant m = cafe.merchant();
        MarketJourney.Device front = m.device("Front till", "SCANNER");
        MarketJourney.Device back = m.device("Back till", "SCANNER");

        // Each scanner downloads the cache while online and checks the merchant's signature on it.
        JsonNode download = front.call("GET", EXT + "/offline-cache?store=main-st", null, 200);
        assertThat(download.get("members").asInt()).isEqualTo(2);
        assertThat(download.get("next").isNull()).isTrue();
        // A large merchant's cache comes in pages.
        JsonNode page = back.call("GET", EXT + "/offline-cache?store=main-st&limit=1", null, 200);
        assertThat(page.get("members").asInt()).isEqualTo(1);
        JsonNode rest = back.call("GET", EXT + "/offline-cache?store=main-st&limit=1&after=" + page.get("next").asText(), null, 200);
        assertThat(rest.get("members").asInt()).isEqualTo(1);
        assertThat(back.call("GET", EXT + "/offline-cache?store=main-st&limit=1&after=" + rest.get("next").asText(), null, 200)
                .get("members").asInt()).isZero();
        assertThat(back.refused("GET", EXT + "/offline-cache?store=nowhere", null, 400).get("errors").findValuesAsText("field"))
                .containsExactly("store");
        @SuppressWarnings("unchecked")
        Keys keys = new Keys(JSON.convertValue(download.get("keys"), List.class));
        Map<String, Object> cache = SignedData.verified(download.get("cache").asText(), keys, "store-verification", "an offline cache");
        assertThat(cache.get("store")).isEqualTo("main-st");
        Map<?, ?> gold = ((List<?>) cache.get("members")).stream().map(Map.class::cast).filter(e -> e.get("m").equals(cafe.gold()))
                .findFirst().orElseThrow();
        assertThat(gold.get("l")).isEqualTo("Gold");
        assertThat(((List<?>) gold.get("c")).stream().map(c -> String.valueOf(((Map<?, ?>) c).get("id"))).toList()).containsExactly(cafe.tenOff(), cafe.fiveOff());
        String signed = download.get("cache").asText();
        int dot = signed.lastIndexOf('.');
        String tampered = signed.substring(0, dot + 1) + (signed.charAt(dot + 1) == 'A' ? 'B' : 'A') + signed.substring(dot + 2);
        assertThat(catchThrowable(() -> SignedData.verified(tampered, keys, "store-verification", "a cache")))
                .isInstanceOf(IllegalArgumentException.class);

        // Offline, each scanner checks the member code with the merchant's public key alone...
        String code = m.memberCode(m.memberToken("13800000011"));
        MemberCode verified = MemberCode.verified(code, keys);
        assertThat(verified.memberId()).hasToString(cafe.gold());
        // ...and both hand over the same 10-yuan coupon; the front till also a coffee, twice in its queue by mistake.
        Instant at = Instant.now().minusSeconds(120);
        List<Map<String, Object>> frontQueue = List.of(
                Map.of("eventId", "f-1", "memberId", cafe.gold(), "store", "main-st", "coupon", cafe.tenOff(), "at", at.toString()),
                Map.of("eventId", "f-2", "memberId", cafe.gold(), "store", "main-st", "benefit", "free-coffee", "at", at.toString()));
        List<Map<String, Object>> backQueue = List.of(
                Map.of("eventId", "b-1", "memberId", cafe.gold(), "store", "main-st", "coupon", cafe.tenOff(), "at", at.plusSeconds(30).toString()),
                Map.of("eventId", "b-2", "memberId", cafe.gold(), "store", "main-st", "benefit", "free-coffee", "at", at.plusSeconds(30).toString()));

        // Back online: the front till's upload is taken; sent again (its answer was lost), nothing is taken twice.
        JsonNode first = front.call("POST", EXT + "/offline-redemptions", Map.of("redemptions", frontQueue), 200);
        assertThat(first.get("recorded").asInt()).isEqualTo(2);
        JsonNode resent = front.call("POST", EXT + "/offline-redemptions", Map.of("redemptions", frontQueue), 200);
        assertThat(resent.get("duplicates").asInt()).isEqualTo(2);
        assertThat(resent.get("recorded").asInt()).isZero();

        // The back till's coupon and coffee were spent already: conflicts, reported and listed, never spent twice.
        JsonNode second = back.call("POST", EXT + "/offline-redemptions", Map.of("redemptions", backQueue), 200);
        assertThat(second.get("recorded").asInt()).isZero();
        assertThat(second.get("conflicts").asInt()).isEqualTo(2);
        assertThat(second.get("results").findValuesAsText("reason")).containsExactly("COUPON_ALREADY_REDEEMED", "BENEFIT_ALREADY_USED");
        assertThat(second.get("results").findValuesAsText("firstEventId")).containsExactly("f-1", "f-2");
        assertThat(back.call("POST", EXT + "/offline-redemptions", Map.of("redemptions", backQueue), 200).get("conflicts").asInt()).isEqualTo(2);
        JsonNode conflicts = m.call("GET", EXT + "/conflicts", null, 200);
        assertThat(conflicts.findValuesAsText("eventId")).containsExactlyInAnyOrder("b-1", "b-2");
        assertThat(conflicts.findValuesAsText("deviceId")).containsOnly(back.id());

        // The merchant settles one, once and by name; the open list keeps the other.
        String owner = m.call("GET", "/api/v1/staff/me", null, 200).get("userId").asText();
        JsonNode settled = m.call("POST", EXT + "/conflicts/b-1/settle", Map.of("note", "Charged the member at the till"), 200);
        assertThat(settled.get("settled").get("by").asText()).isEqualTo(owner);
        assertThat(settled.get("settled").get("note").asText()).isEqualTo("Charged the member at the till");
        assertThat(m.refused("POST", EXT + "/conflicts/b-1/settle", Map.of("note", "again"), 409).get("code").asText())
                .isEqualTo("CONFLICT_ALREADY_SETTLED");
        assertThat(m.refused("POST", EXT + "/conflicts/nope/settle", Map.of("note", "?"), 404).get("code").asText())
                .isEqualTo("CONFLICT_NOT_FOUND");
        assertThat(m.refused("POST", EXT + "/conflicts/b-2/settle", Map.of("note", " "), 400).get("errors").findValuesAsText("field"))
                .containsExactly("note");
        back.call("POST", EXT + "/conflicts/b-2/settle", Map.of("note", "a scanner may not"), 404);
        assertThat(m.call("GET", EXT + "/conflicts?open=true", null, 200).findValuesAsText("eventId")).containsExactly("b-2");
        assertThat(m.call("GET", EXT + "/conflicts", null, 200).findValuesAsText("eventId")).containsExactlyInAnyOrder("b-1", "b-2");
        assertThat(m.call("GET", "/api/v1/members/" + cafe.gold() + "/coupons?status=REDEEMED", null, 200)).hasSize(1);
        JsonNode log = m.call("GET", EXT + "/redemptions?store=main-st", null, 200);
        assertThat(log.findValuesAsText("eventId")).containsExactlyInAnyOrder("f-1", "f-2");
        assertThat(log.findValuesAsText("offline")).containsOnly("true");

        // Someone who is no member (deleted since, or a scanner's bug) gets nothing either.
        JsonNode stranger = back.call("POST", EXT + "/offline-redemptions", Map.of("redemptions", List.of(Map.of("eventId", "b-5",
                "memberId", UUID.randomUUID().toString(), "store", "main-st", "benefit", "free-coffee", "at", at.toString()))), 200);
        assertThat(stranger.get("results").findValuesAsText("reason")).containsExactly("MEMBER_NOT_FOUND");

        // A bad upload is refused whole: nothing is taken.
        JsonNode bad = back.refused("POST", EXT + "/offline-redemptions", Map.of("redemptions", List.of(
                Map.of("eventId", "b-3", "memberId", cafe.gold(), "store", "main-st", "coupon", cafe.fiveOff(), "at", at.toString()),
                Map.of("eventId", "b-4", "store", "main-st", "coupon", cafe.fiveOff()))), 400);
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("redemptions[1].memberId", "redemptions[1].at");
        assertThat(m.call("GET", "/api/v1/members/" + cafe.gold() + "/coupons?status=ISSUED", null, 200)).hasSize(1);
    }
}
