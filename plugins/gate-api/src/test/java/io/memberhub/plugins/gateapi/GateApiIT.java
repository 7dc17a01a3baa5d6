package io.memberhub.plugins.gateapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.gateclient.AllowList;
import io.memberhub.gateclient.GateAnswer;
import io.memberhub.gateclient.GateClient;
import io.memberhub.launcher.LocalKeycloak;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate API through the real market: a merchant registers a gate at a zone for Gold members, the
 * gate asks about member codes and cards online, then decides alone from its signed allow-list while
 * the platform is out of reach, and uploads what it decided once it is back. While Keycloak is down,
 * tokens issued before keep working and the gate keeps deciding.
 */
class GateApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

    @Test
    void theGateLetsTheZonesLevelsInByCodeOrCardWithAReasonOncePerEvent() throws Exception {
        GateClub club = GateClub.open(market, "Spa Club", "13700000001", "13700000002");
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
        GateClub other = GateClub.open(market, "Other Club", "13700000003", "13700000004");
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
        GateClub club = GateClub.open(market, "Offline Club", "13700000011", "13700000012");
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

    @Test
    void tokensIssuedBeforeKeepWorkingAndTheGateKeepsDecidingWhileKeycloakIsDownAndSignInsReturnWithIt() throws Exception {
        GateClub club = GateClub.open(market, "Outage Club", "13600000001", "13600000002");
        Merchant owner = club.merchant();
        String memberToken = owner.memberToken("13600000001");
        String goldCode = owner.memberCode(memberToken);
        MarketJourney.Device device = club.gate();
        GateClient gate = gateClient(device);
        gate.sync();
        assertThat(gate.check("card:C-100").online()).isTrue();

        LocalKeycloak keycloak = market.platform().stack().keycloak();
        keycloak.close();
        long outageStarted = System.nanoTime();
        long outageSeconds;
        try {
            // Staff, device and member tokens from before: checked locally, they work as usual.
            assertThat(owner.call("GET", "/api/v1/members/" + club.gold(), null, 200).get("id").asText()).isEqualTo(club.gold());
            assertThat(device.call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "outage-1", "cardId", "C-100"), 200)
                    .get("verdict").asText()).isEqualTo("ALLOW");
            assertThat(device.call("POST", "/api/v1/ext/gate-api/check", Map.of("eventId", "outage-2", "code", goldCode), 200)
                    .get("reason").asText()).isEqualTo("ALLOWED");
            assertThat(market.call("GET", "/api/member/me", memberToken, null, 200).get("id").asText()).isEqualTo(club.gold());
            GateAnswer online = gate.check("card:C-100");
            assertThat(online.online()).as("the gate with its token still asks the platform").isTrue();
            assertThat(online.allowed()).isTrue();
            assertThat(owner.call("GET", "/api/v1/ext/gate-api/checks?gate=spa-1", null, 200)).hasSize(4);

            // A gate restarted during the outage gets no token, and decides from its signed allow-list.
            GateClient restarted = gateClient(device);
            GateAnswer offline = restarted.check(goldCode);
            assertThat(offline.online()).isFalse();
            assertThat(offline.allowed()).isTrue();
            assertThat(offline.level()).isEqualTo("Gold");

            // A token the platform cannot verify is still refused as such, not failed on.
            assertThat(status("GET", "/api/v1/members", unknownKey(owner.token()), null)).isEqualTo(401);
            assertThat(status("GET", "/q/health/ready", null, null)).as("readiness").isEqualTo(200);
            assertThat(status("GET", "/q/health/well", null, null)).as("wellness, which reports Keycloak").isEqualTo(503);
            // New sign-ins need Keycloak: the platform says so (503), it does not fail (500). A member's SMS code is
            // not used up by a sign-in Keycloak could not finish.
            assertThat(status("POST", "/api/v1/tenants", null, Map.of("merchantName", "Too early", "slug", "too-early",
                    "ownerEmail", "owner@too-early.test", "ownerPassword", "correct horse battery"))).isEqualTo(503);
            owner.requestSmsCode("13600000002");
            assertThat(owner.smsSignIn("13600000002", 503).get("code").asText()).isEqualTo("IDENTITY_UNAVAILABLE");
            // An instance (re)started during the outage has no signing keys: it is ready, and asks callers to retry (503,
            // not a 500 or a 401 that would send them to sign in again); the gate, so answered, decides offline.
            market.platform().kill(0);
            market.platform().restart(0);
            assertThat(status("GET", "/api/v1/members/" + club.gold(), owner.token(), null)).as("a staff token on the restarted instance")
                    .isEqualTo(503);
            GateAnswer answeredUnavailable = gate.check(goldCode);
            assertThat(answeredUnavailable.online()).isFalse();
            assertThat(answeredUnavailable.allowed()).isTrue();
            assertThat(status("GET", "/q/health/ready", null, null)).as("readiness of the restarted instance").isEqualTo(200);
        } finally {
            outageSeconds = Duration.ofNanos(System.nanoTime() - outageStarted).toSeconds();
            // The class's other tests need Keycloak, whatever happened here.
            keycloak.startAgain();
        }

        // The restarted instance fetches the keys once Keycloak answers: the same tokens work again, no restart needed.
        assertThat(owner.call("GET", "/api/v1/members/" + club.gold(), null, 200).get("id").asText()).isEqualTo(club.gold());

        Merchant later = market.merchant("After the outage");
        assertThat(later.call("GET", "/api/v1/tenant", null, 200).get("slug").asText()).isEqualTo(later.slug());
        String silverToken = owner.smsSignIn("13600000002", 200).get("accessToken").asText();
        assertThat(market.call("GET", "/api/member/me", silverToken, null, 200).get("id").asText())
                .as("the member signed in with the code sent during the outage").isEqualTo(club.silver());
        GateClient fresh = gateClient(device);
        assertThat(fresh.check("card:C-100").online()).as("a gate signing in again after the outage").isTrue();
        assertThat(fresh.upload().recorded()).as("the offline check-ins, uploaded").isEqualTo(2);

        System.out.printf("""
                [reliability] Keycloak down for %d s under a running platform: staff, device and member tokens issued before \
                kept working (member read, 2 gate checks, member profile, check log); a gate with its token decided online, \
                one restarted without a token decided offline from its signed allow-list; a token with an unknown key got 401; \
                readiness stayed 200 (wellness 503); merchant sign-up and a member's SMS sign-in answered 503; a platform \
                instance restarted during the outage started ready, answered tokens 503 (the gate then decided offline) and \
                accepted them again once Keycloak was back, without a restart; then a new merchant signed up and in, the member \
                signed in with the code sent during the outage, and the gate signed in and uploaded its 2 offline check-ins
                """, outageSeconds);
    }

    /** The gate's own client, keeping its allow-list and queue in this test's state directory. */
    private GateClient gateClient(MarketJourney.Device device) {
        return new GateClient(new GateClient.Settings(URI.create(device.apiUrl()), URI.create(device.tokenUrl()), device.clientId(), device.clientSecret(),
                state, Duration.ofSeconds(2)));
    }

    /** The token with its header naming a signing key Keycloak never had, so verifying it needs a key look-up. */
    private static String unknownKey(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-a-keycloak-key\"}".getBytes(StandardCharsets.UTF_8));
        return header + token.substring(token.indexOf('.'));
    }

    private static int status(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(market.platform().apiUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
