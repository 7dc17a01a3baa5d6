package io.memberhub.plugins.gateapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.gateclient.AllowList;
import io.memberhub.gateclient.GateAnswer;
import io.memberhub.gateclient.GateClient;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate API through the real market: a merchant registers a gate at a zone for Gold members, the
 * gate asks about member codes and cards online, then decides alone from its signed allow-list while
 * the platform is out of reach, and uploads what it decided once it is back.
 */
class GateApiIT {

    private static MarketJourney market;

    @TempDir
    Path state;

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

    /** A merchant with the gate API, levels Silver and Gold (both counting visits toward the next), a spa for Gold and a gate at it. */
    private record Club(Merchant merchant, MarketJourney.Device gate, String gold, String silver) {
    }

    private static Club club(String name, String goldPhone, String silverPhone) throws Exception {
        Merchant m = market.merchant(name);
        m.enable("gate-api", Map.of());
        m.call("POST", "/api/v1/levels", Map.of("name", "Silver", "rank", 0), 201);
        String goldLevel = m.call("POST", "/api/v1/levels", Map.of("name", "Gold", "rank", 1,
                "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 50)), 201).get("id").asText();
        m.call("POST", "/api/v1/levels", Map.of("name", "Platinum", "rank", 2,
                "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 100)), 201);
        String gold = m.member(goldPhone);
        String silver = m.member(silverPhone);
        m.call("PUT", "/api/v1/members/" + gold + "/level", Map.of("levelId", goldLevel, "reason", "Bought the spa pass"), 200);
        m.call("PUT", "/api/v1/ext/gate-api/zones/spa", Map.of("levels", List.of("Gold", "Platinum")), 200);
        MarketJourney.Device gate = m.device("Spa gate", "GATE");
        m.call("PUT", "/api/v1/ext/gate-api/gates/spa-1", Map.of("deviceId", gate.id(), "zone", "spa", "name", "Spa entrance"), 200);
        m.call("PUT", "/api/v1/ext/gate-api/cards/C-100", Map.of("memberId", gold), 200);
        return new Club(m, gate, gold, silver);
    }

    @Test
    void theGateLetsTheZonesLevelsInByCodeOrCardWithAReasonOncePerEvent() throws Exception {
        Club club = club("Spa Club", "13700000001", "13700000002");
        Merchant m = club.merchant();
        String silverCode = m.memberCode(m.memberToken("13700000002"));

        JsonNode in = club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-1", "cardId", "C-100"), 200);
        assertThat(in.get("verdict").asText()).isEqualTo("ALLOW");
        assertThat(in.get("reason").asText()).isEqualTo("ALLOWED");
        assertThat(in.get("level").asText()).isEqualTo("Gold");
        assertThat(in.get("memberId").asText()).isEqualTo(club.gold());
        assertThat(in.get("replayed").asBoolean()).isFalse();

        // The gate's retry gets the first answer and is no second visit; the same event id for someone else is refused.
        JsonNode retry = club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-1", "cardId", "C-100"), 200);
        assertThat(retry.get("replayed").asBoolean()).isTrue();
        assertThat(retry.get("verdict").asText()).isEqualTo("ALLOW");
        JsonNode reused = club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-1", "code", silverCode), 409);
        assertThat(reused.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(visits(m, club.gold())).isEqualTo(1);

        JsonNode silver = club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-2", "code", silverCode), 200);
        assertThat(silver.get("verdict").asText()).isEqualTo("DENY");
        assertThat(silver.get("reason").asText()).isEqualTo("LEVEL_NOT_ALLOWED");
        assertThat(silver.get("message").asText()).isEqualTo("The spa is for Gold, Platinum; the member is Silver");
        assertThat(visits(m, club.silver())).isZero();

        assertThat(club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-3", "cardId", "C-999"), 200)
                .get("reason").asText()).isEqualTo("CARD_UNKNOWN");
        String forged = silverCode.substring(0, silverCode.lastIndexOf('.') + 1) + "AAAA";
        assertThat(club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-4", "code", forged), 200)
                .get("reason").asText()).isEqualTo("MEMBER_CODE_INVALID");

        // Another merchant's gate knows neither the card nor the code.
        Club other = club("Other Club", "13700000003", "13700000004");
        assertThat(other.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-1", "code", silverCode), 200)
                .get("reason").asText()).isEqualTo("MEMBER_CODE_INVALID");

        JsonNode log = m.call("GET", "/api/v1/ext/gate-api/checks?gate=spa-1", null, 200);
        assertThat(log).hasSize(4);
        assertThat(log.findValuesAsText("eventId")).containsExactlyInAnyOrder("e-1", "e-2", "e-3", "e-4");

        // The console shows the gates page, whose tables read the routes above.
        JsonNode pages = m.call("GET", "/api/v1/console/plugin-pages", null, 200);
        JsonNode gates = java.util.stream.StreamSupport.stream(pages.spliterator(), false)
                .filter(p -> p.get("pluginId").asText().equals("gate-api")).findFirst().orElseThrow().get("pages").get(0);
        assertThat(gates.get("title").asText()).isEqualTo("Gates");
        assertThat(gates.get("widgets").findValuesAsText("source")).containsExactly("/zones", "/gates", "/checks?limit=50");

        JsonNode bad = club.gate().call("POST", "/api/v1/ext/gate-api/check", Map.of("cardId", "C-100", "code", silverCode, "door", 2), 400);
        assertThat(bad.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("eventId", "code", "door");
        assertThat(m.call("GET", "/api/v1/ext/gate-api/checks?gate=spa-1", null, 200)).hasSize(4);

        JsonNode staff = m.call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-9", "cardId", "C-100"), 403);
        assertThat(staff.get("code").asText()).isEqualTo("FORBIDDEN");
        MarketJourney.Device stray = m.device("Unregistered", "GATE");
        assertThat(stray.call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "e-1", "cardId", "C-100"), 403).get("code").asText())
                .isEqualTo("GATE_NOT_REGISTERED");
    }

    @Test
    void offlineTheGateDecidesFromItsSignedAllowListAndUploadsEachCheckInOnce() throws Exception {
        Club club = club("Offline Club", "13700000011", "13700000012");
        Merchant m = club.merchant();
        MarketJourney.Device gate = club.gate();
        GateClient online = new GateClient(new GateClient.Settings(URI.create(gate.apiUrl()), URI.create(gate.tokenUrl()), gate.clientId(),
                gate.clientSecret(), state, Duration.ofSeconds(5)));
        AllowList list = online.sync();
        assertThat(list.zone()).isEqualTo("spa");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.card("C-100")).get().extracting(AllowList.Entry::memberId).hasToString(club.gold());

        // The network is down: neither the platform nor the identity server answers.
        String goldCode = m.memberCode(m.memberToken("13700000011"));
        String silverCode = m.memberCode(m.memberToken("13700000012"));
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
        GateClient cut = new GateClient(new GateClient.Settings(nowhere, nowhere, gate.clientId(), gate.clientSecret(), state,
                Duration.ofMillis(500)));
        GateAnswer byCode = cut.check(goldCode);
        assertThat(byCode.online()).isFalse();
        assertThat(byCode.allowed()).isTrue();
        assertThat(byCode.level()).isEqualTo("Gold");
        assertThat(cut.check("card:C-100").allowed()).isTrue();
        GateAnswer refused = cut.check(silverCode);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).isEqualTo("LEVEL_NOT_ALLOWED");
        assertThat(cut.check("MH1.e30.AAAA").reason()).isEqualTo("MEMBER_CODE_INVALID");
        assertThat(cut.pending()).isEqualTo(4);
        assertThat(visits(m, club.gold())).isZero();

        // Back online. An upload whose answer was lost is sent again: nothing is counted twice.
        Path queue = state.resolve("pending.jsonl");
        Path copy = Files.copy(queue, state.resolve("pending.copy"));
        GateClient.Upload first = online.upload();
        assertThat(first).isEqualTo(new GateClient.Upload(4, 0, 0));
        Files.move(copy, queue, StandardCopyOption.REPLACE_EXISTING);
        assertThat(online.upload()).isEqualTo(new GateClient.Upload(0, 4, 0));

        assertThat(visits(m, club.gold())).isEqualTo(2);
        assertThat(visits(m, club.silver())).isZero();
        JsonNode log = m.call("GET", "/api/v1/ext/gate-api/checks?gate=spa-1", null, 200);
        assertThat(log).hasSize(4);
        assertThat(log.findValuesAsText("offline")).containsOnly("true");
        assertThat(log.findValuesAsText("reason")).containsExactlyInAnyOrder("ALLOWED", "ALLOWED", "LEVEL_NOT_ALLOWED", "MEMBER_CODE_INVALID");

        // Online again, the platform decides, and says so.
        assertThat(online.check("card:C-100").online()).isTrue();
    }

    /** How many visits the member has, as the level engine counts them toward Platinum. */
    private static long visits(Merchant m, String memberId) throws Exception {
        JsonNode level = m.call("GET", "/api/v1/members/" + memberId + "/level", null, 200);
        for (JsonNode check : level.get("next").get("checks")) {
            if (check.get("metric").asText().equals("VISIT_COUNT")) {
                return check.get("actual").asLong();
            }
        }
        throw new AssertionError("No visit count in " + level);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
