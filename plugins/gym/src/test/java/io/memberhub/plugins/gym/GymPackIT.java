package io.memberhub.plugins.gym;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's gym (case 3) through the real market and API: the starter ladder, zones by level and hours
 * asked about by a gate, presence from passages, and lobby check-ins that count as visits.
 */
class GymPackIT {

    private static final String TRIAL = "Trial";
    private static final String ANNUAL = "Annual card";
    private static final String TRAINING = "Personal-training member";

    private static MarketJourney market;

    @BeforeAll
    static void startPlatformAndPublish() throws Exception {
        market = MarketJourney.start();
        JsonNode uploaded = market.publishBuiltPackage();
        assertThat(uploaded.get("status").asText()).isEqualTo("PUBLISHED");
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    @Test
    void theStarterSetsUpTheDocumentedLadderInOneMerchantOnly() throws Exception {
        Merchant gym = market.merchant("Iron Gym");
        Merchant other = market.merchant("Other Shop");
        JsonNode module = gym.call("GET", "/api/v1/market/modules/gym", null, 200);
        assertThat(module.get("category").asText()).isEqualTo("INDUSTRY");
        gym.enable("gym", Map.of());

        JsonNode preview = gym.call("GET", "/api/v1/plugins/gym/starter", null, 200);
        assertThat(preview.get("settings").get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        gym.call("POST", "/api/v1/plugins/gym/starter", null, 200);

        JsonNode levels = gym.call("GET", "/api/v1/levels", null, 200);
        assertThat(names(levels)).containsExactly(TRIAL, ANNUAL, TRAINING);
        assertThat(levels.get(1).get("prices").get("YEAR").asLong()).isEqualTo(298_800);
        assertThat(levels.get(1).get("upgradeRule").get("metric").asText()).isEqualTo("SPEND");
        assertThat(levels.get(2).get("upgradeRule").get("all").findValuesAsText("metric")).containsExactly("SPEND", "VISIT_COUNT");

        assertThat(other.call("GET", "/api/v1/levels", null, 200)).isEmpty();
        String stranger = other.member("13900000001");
        JsonNode elsewhere = decide(other, stranger, "pt-area");
        assertThat(elsewhere.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(elsewhere.get("policies")).isEmpty();
    }

    @Test
    void theGateRefusesWithTheReasonAndLetsTheRightLevelIn() throws Exception {
        Merchant gym = adoptedGym("Level Gym");
        allDay(gym);
        MarketJourney.Device gate = gym.device("Locker gate", "GATE");
        String trial = gym.member("13900000011");

        JsonNode refused = gate.call("POST", "/api/v1/access/decisions", Map.of("memberId", trial, "zone", "pt-area"), 200);
        assertThat(refused.get("decision").asText()).isEqualTo("DENY");
        assertThat(refused.get("reason").asText())
                .isEqualTo("Level too low: pt-area is for Personal-training member and up; the member is Trial");

        String cardHolder = gym.member("13900000012");
        assertThat(decide(gym, cardHolder, "locker-room").get("reason").asText()).startsWith("Level too low");
        gym.callOnce("card-13900000012", "POST", "/api/v1/members/" + cardHolder + "/level/purchases", Map.of("levelId",
                levelId(gym, ANNUAL), "period", "YEAR", "amount", 298_800, "paidWith", "EXTERNAL", "paymentRef", "pos-0012"), 201);
        JsonNode allowed = gate.call("POST", "/api/v1/access/decisions", Map.of("memberId", cardHolder, "zone", "locker-room"), 200);
        assertThat(allowed.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(decide(gym, cardHolder, "pt-area").get("reason").asText()).endsWith("the member is Annual card");
        assertThat(decide(gym, cardHolder, "swimming-pool").get("decision").asText()).as("a zone the gym does not define").isEqualTo("ALLOW");

        assertThat(benefitTypes(gym, cardHolder)).containsExactly("PERSONAL_LOCKER");
        assertThat(benefitTypes(gym, trial)).isEmpty();
    }

    @Test
    void outsideOpeningHoursTheGateSaysWhenTheZoneIsOpen() throws Exception {
        Merchant gym = adoptedGym("Hours Gym");
        int hour = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour();
        String hours = String.format("%02d:00-%02d:00", (hour + 2) % 24, (hour + 3) % 24);
        gym.call("PUT", "/api/v1/ext/gym/zones/sauna", Map.of("hours", hours), 200);
        String member = gym.member("13900000021");

        JsonNode refused = decide(gym, member, "sauna");
        assertThat(refused.get("decision").asText()).isEqualTo("DENY");
        assertThat(refused.get("reason").asText()).startsWith("Outside opening hours: sauna is open " + hours + " (Asia/Shanghai), it is ");
    }

    @Test
    void aMemberInsideIsRefusedUntilTheirOutAndPassagesCountOnce() throws Exception {
        Merchant gym = adoptedGym("Presence Gym");
        allDay(gym);
        String member = gym.member("13900000031");

        MarketJourney.Device gate = gym.device("Lobby gate", "GATE");

        Map<String, Object> in = passage("gate-1:0001", member, "lobby", "IN");
        JsonNode first = gate.call("POST", "/api/v1/ext/gym/passages", in, 201);
        assertThat(first.get("visit").asBoolean()).isTrue();
        assertThat(gate.call("POST", "/api/v1/ext/gym/passages", in, 200).get("replayed").asBoolean()).isTrue();
        JsonNode reused = gate.call("POST", "/api/v1/ext/gym/passages", passage("gate-1:0001", member, "lobby", "OUT"), 409);
        assertThat(reused.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        JsonNode inside = decide(gym, member, "lobby");
        assertThat(inside.get("decision").asText()).isEqualTo("DENY");
        assertThat(inside.get("reason").asText()).startsWith("Already inside lobby since ");
        assertThat(gym.call("GET", "/api/v1/ext/gym/presence?zone=lobby", null, 200).findValuesAsText("memberId")).containsExactly(member);

        gym.call("POST", "/api/v1/ext/gym/passages", passage("desk-2", member, "lobby", "OUT"), 201);
        gate.call("PUT", "/api/v1/ext/gym/zones/lobby", Map.of(), 403);
        assertThat(decide(gym, member, "lobby").get("decision").asText()).isEqualTo("ALLOW");
        assertThat(gym.call("GET", "/api/v1/ext/gym/presence", null, 200)).isEmpty();
        assertThat(gym.call("GET", "/api/v1/members/" + member + "/level", null, 200).get("level").get("name").asText()).isEqualTo(TRIAL);
    }

    @Test
    void badZoneDefinitionsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        Merchant gym = adoptedGym("Careful Gym");
        JsonNode before = gym.call("GET", "/api/v1/ext/gym/zones", null, 200);
        assertThat(names(before)).containsExactly("lobby", "locker-room", "pt-area");

        Map<String, Object> bad = new HashMap<>();
        bad.put("minLevel", "Gold");
        bad.put("hours", "25:00-26:00");
        bad.put("capacity", 20);
        JsonNode refused = gym.call("PUT", "/api/v1/ext/gym/zones/pt-area", bad, 400);
        assertThat(refused.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("capacity", "minLevel", "hours");
        assertThat(refused.get("detail").asText()).contains("'Gold' is not one of your levels [Trial, Annual card, Personal-training member]")
                .contains("25:00 is not a time of day");
        gym.call("PUT", "/api/v1/ext/gym/zones/pt%20area", Map.of(), 400);
        gym.call("POST", "/api/v1/ext/gym/passages", Map.of("passageId", "x", "zone", "pool"), 400);

        assertThat(gym.call("GET", "/api/v1/ext/gym/zones", null, 200)).isEqualTo(before);
    }

    @Test
    void lobbyCheckInsAreVisitsThatMoveAMemberUpToPersonalTraining() throws Exception {
        Merchant gym = adoptedGym("Visits Gym");
        allDay(gym);
        String member = gym.member("13900000041");
        gym.callOnce("order-41", "POST", "/api/v1/orders", Map.of("memberId", member, "externalId", "training-pack-41", "amount", 600_000,
                "channel", "front-desk", "paidAt", Instant.now().minusSeconds(60).toString(),
                "items", List.of(Map.of("name", "20 personal-training sessions", "category", "training", "quantity", 1, "amount", 600_000))), 201);
        assertThat(levelOf(gym, member)).as("the spend alone earns the annual card").isEqualTo(ANNUAL);

        for (int visit = 1; visit <= 24; visit++) {
            gym.call("POST", "/api/v1/ext/gym/passages", passage("in-" + visit, member, "lobby", "IN"), 201);
            gym.call("POST", "/api/v1/ext/gym/passages", passage("out-" + visit, member, "lobby", "OUT"), 201);
            if (visit == 23) {
                assertThat(levelOf(gym, member)).isEqualTo(ANNUAL);
            }
        }
        assertThat(levelOf(gym, member)).as("24 check-ins in 3 months with the spend").isEqualTo(TRAINING);
        assertThat(decide(gym, member, "pt-area").get("decision").asText()).isEqualTo("ALLOW");
        assertThat(benefitTypes(gym, member)).containsExactly("PERSONAL_LOCKER", "PERSONAL_TRAINING_PLAN");

        gym.call("POST", "/api/v1/ext/gym/passages", passage("lockers-1", member, "locker-room", "IN"), 201);
        assertThat(gym.call("POST", "/api/v1/ext/gym/passages", passage("lockers-2", member, "locker-room", "OUT"), 201)
                .get("visit").asBoolean()).as("only the check-in zone counts visits").isFalse();
    }

    private static Merchant adoptedGym(String name) throws Exception {
        Merchant gym = market.merchant(name);
        gym.enable("gym", Map.of());
        gym.call("POST", "/api/v1/plugins/gym/starter", null, 200);
        return gym;
    }

    /** Opens the starter's zones all day, so that these tests do not depend on the hour they run at. */
    private static void allDay(Merchant gym) throws Exception {
        gym.call("PUT", "/api/v1/ext/gym/zones/lobby", Map.of("checkIn", true), 200);
        gym.call("PUT", "/api/v1/ext/gym/zones/locker-room", Map.of("minLevel", ANNUAL, "hours", "00:00-24:00"), 200);
        gym.call("PUT", "/api/v1/ext/gym/zones/pt-area", Map.of("minLevel", TRAINING), 200);
    }

    private static JsonNode decide(Merchant merchant, String memberId, String zone) throws Exception {
        return merchant.call("POST", "/api/v1/access/decisions", Map.of("memberId", memberId, "zone", zone), 200);
    }

    private static Map<String, Object> passage(String id, String memberId, String zone, String direction) {
        return Map.of("passageId", id, "memberId", memberId, "zone", zone, "direction", direction);
    }

    private static String levelId(Merchant gym, String name) throws Exception {
        JsonNode levels = gym.call("GET", "/api/v1/levels", null, 200);
        return StreamSupport.stream(levels.spliterator(), false).filter(l -> l.get("name").asText().equals(name)).findFirst()
                .orElseThrow().get("id").asText();
    }

    private static String levelOf(Merchant gym, String memberId) throws Exception {
        return gym.call("GET", "/api/v1/members/" + memberId + "/level", null, 200).get("level").get("name").asText();
    }

    private static List<String> benefitTypes(Merchant gym, String memberId) throws Exception {
        return gym.call("GET", "/api/v1/members/" + memberId + "/plugin-benefits", null, 200).findValuesAsText("type");
    }

    private static List<String> names(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(item -> item.get("name").asText()).toList();
    }
}
