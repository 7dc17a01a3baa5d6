package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The administration screens: staff and roles, member fields, webhooks, devices. What a merchant
 * does in the console is checked through the platform's API afterwards; refusals appear next to the
 * field and change nothing; secrets appear on the answer that made them and nowhere else.
 */
@QuarkusTest
class StaffAndSettingsPagesTest {

    private static final Pattern SECRET = Pattern.compile("data-secret=\"([A-Za-z]+)\">([^<]+)<");

    @TestHTTPResource("/")
    URI console;

    @Test
    void theOwnerInvitesAnOperatorChangesTheRoleAndRemovesThemWhileOperatorsAreTurnedAway() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = signedIn(owner, "/console/staff");

        Browser.Page list = browser.get(console.resolve("/console/staff"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-staff=\"" + owner.email() + "\" data-role=\"owner\"").contains("员工与角色");

        Browser.Page refused = browser.post(console.resolve("/console/staff"), Map.of("email", "not-an-email", "role", "operator"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"email\"").contains("value=\"not-an-email\"");
        assertThat(staff(token)).as("nothing was created").hasSize(1);

        String email = "op-" + UUID.randomUUID() + "@example.com";
        Browser.Page invited = browser.post(console.resolve("/console/staff"), Map.of("email", email, "role", "operator"));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.body()).contains("data-invited=\"" + email + "\"").contains("data-staff=\"" + email + "\" data-role=\"operator\"");
        String temporary = secrets(invited.body()).get("temporaryPassword");
        assertThat(temporary).isNotBlank();
        assertThat(browser.get(console.resolve("/console/staff")).body()).as("shown once").doesNotContain(temporary);
        assertThat(role(token, email)).isEqualTo("operator");

        Browser.Page again = browser.post(console.resolve("/console/staff"), Map.of("email", email, "role", "operator"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("data-field=\"email\" data-code=\"STAFF_EXISTS\"").contains("此人已在本商户工作");
        assertThat(staff(token)).hasSize(2);

        Browser asOperator = new Browser();
        Browser.Page home = asOperator.choosePassword(asOperator.signIn(asOperator.get(console.resolve("/console/staff")), email, temporary),
                "my-own-operator-pass");
        assertThat(home.status()).as("the temporary password works once, then the operator's own").isEqualTo(403);
        assertThat(home.body()).contains("data-refused-role=\"operator\"").contains("你的角色不能执行这个操作");
        for (String adminOnly : List.of("/console/settings/webhooks", "/console/settings/devices")) {
            Browser.Page page = asOperator.get(console.resolve(adminOnly));
            assertThat(page.status()).as(adminOnly).isEqualTo(403);
            assertThat(page.body()).as(adminOnly).contains("data-refused-role=\"operator\"");
        }

        String id = idOf(token, email);
        browser.post(console.resolve("/console/staff/" + id + "/role"), Map.of("role", "admin"));
        assertThat(role(token, email)).as("the role as the platform reports it").isEqualTo("admin");

        String ownerId = idOf(token, owner.email());
        Browser.Page ownerStays = browser.post(console.resolve("/console/staff/" + ownerId + "/removal"), Map.of());
        assertThat(ownerStays.status()).isEqualTo(409);
        assertThat(ownerStays.body()).contains("data-problem=\"OWNER_ROLE_FIXED\"");

        Browser.Page removed = browser.post(console.resolve("/console/staff/" + id + "/removal"), Map.of());
        assertThat(removed.body()).contains("data-done=\"removed\"").doesNotContain("data-staff=\"" + email + "\"");
        assertThat(staff(token)).hasSize(1);
    }

    @Test
    void anAdminInvitesOperatorsOnlyAndTheOwnersRuleShowsAtTheRole() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String admin = "admin-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + admin + "\",\"role\":\"admin\",\"initialPassword\":\"admin-password-1\"}", 201);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/staff")), admin, "admin-password-1");

        Browser.Page list = browser.get(console.resolve("/console/staff"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<option value=\"operator\"").doesNotContain("<option value=\"admin\"")
                .doesNotContain("/removal").contains("只有所有者可以修改角色");

        Browser.Page refused = browser.post(console.resolve("/console/staff"), Map.of("email", "another-admin@example.com", "role", "admin"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data-field=\"role\" data-code=\"OWNER_ONLY\"").contains("value=\"another-admin@example.com\"");
        assertThat(staff(token)).hasSize(2);
    }

    @Test
    void fieldsDefinedInTheConsoleAreThePlatformsAndPrivateOnesAreMaskedForOperators() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = signedIn(owner, "/console/member-fields");

        Browser.Page noChoices = browser.post(console.resolve("/console/member-fields"),
                Map.of("key", "tier", "label", "Tier", "type", "SINGLE_CHOICE", "options", ""));
        assertThat(noChoices.status()).isEqualTo(400);
        assertThat(noChoices.body()).contains("data-field=\"options\"").contains("value=\"tier\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/member-fields", token, null, 200)).as("nothing was created").isEmpty();

        Browser.Page tier = browser.post(console.resolve("/console/member-fields"),
                Map.of("key", "tier", "label", "Tier", "type", "SINGLE_CHOICE", "options", "Gold\r\nSilver\r\n", "defaultValue", "Silver",
                        "required", "on"));
        assertThat(tier.body()).contains("data-done=\"created\"").contains("data-field-key=\"tier\"");
        Browser.Page allergies = browser.post(console.resolve("/console/member-fields"),
                Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", "on"));
        assertThat(allergies.body()).contains("data-field-key=\"allergies\"");

        JsonNode fields = PlatformCalls.call("GET", "/api/v1/member-fields", token, null, 200);
        JsonNode defined = PlatformCalls.call("GET", "/api/v1/member-fields/tier", token, null, 200);
        assertThat(fields).hasSize(2);
        assertThat(defined.get("type").asText()).isEqualTo("SINGLE_CHOICE");
        assertThat(defined.get("options").toString()).isEqualTo("[\"Gold\",\"Silver\"]");
        assertThat(defined.get("defaultValue").asText()).isEqualTo("Silver");
        assertThat(defined.get("required").asBoolean()).isTrue();
        assertThat(PlatformCalls.call("GET", "/api/v1/member-fields/allergies", token, null, 200).get("private").asBoolean()).isTrue();

        Browser.Page taken = browser.post(console.resolve("/console/member-fields"), Map.of("key", "tier", "label", "Again", "type", "TEXT"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("data-field=\"key\" data-code=\"FIELD_KEY_TAKEN\"").contains("这个字段标识已被使用");

        Browser.Page edit = browser.get(console.resolve("/console/member-fields/allergies"));
        assertThat(edit.body()).contains("value=\"Allergies\"");
        browser.post(console.resolve("/console/member-fields/allergies"),
                Map.of("key", "allergies", "type", "TEXT", "label", "Allergies and diet", "private", "on"));
        assertThat(PlatformCalls.call("GET", "/api/v1/member-fields/allergies", token, null, 200).get("label").asText()).isEqualTo("Allergies and diet");

        String member = PlatformCalls.call("POST", "/api/v1/members", token,
                "{\"phone\":\"13900000011\",\"name\":\"Han\",\"fields\":{\"allergies\":\"peanuts\",\"tier\":\"Gold\"}}", 201).get("id").asText();
        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        JsonNode seenByOperator = PlatformCalls.call("GET", "/api/v1/members/" + member, PlatformCalls.staffToken(operator, "operator-password-1"), null, 200);
        assertThat(seenByOperator.get("fields").get("allergies").asText()).isEqualTo("***");
        assertThat(seenByOperator.get("fields").get("tier").asText()).isEqualTo("Gold");

        Browser asOperator = new Browser();
        asOperator.signIn(asOperator.get(console.resolve("/console/member-fields")), operator, "operator-password-1");
        Browser.Page readOnly = asOperator.get(console.resolve("/console/member-fields"));
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.body()).contains("data-read-only").contains("data-field-key=\"tier\"")
                .doesNotContain("action=\"/console/member-fields\"").doesNotContain("/deletion");

        browser.post(console.resolve("/console/member-fields/tier/deletion"), Map.of());
        assertThat(PlatformCalls.call("GET", "/api/v1/member-fields", token, null, 200)).hasSize(1);

        Browser.Page english = browser.get(console.resolve("/language/en?back=/console/member-fields"));
        assertThat(english.body()).contains("Member fields").contains("Private").doesNotContain("会员字段");
    }

    @Test
    void aWebhookShowsItsSecretOnceSignsDeliveriesWithItAndReplaysThem() throws Exception {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-MemberHub-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-MemberHub-Signature"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Browser browser = signedIn(owner, "/console/settings/webhooks");
            Browser.Page refused = browser.post(console.resolve("/console/settings/webhooks"), Map.of("url", "ftp://example.com/x", "eventTypes", ""));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("data-field=\"url\"").contains("value=\"ftp://example.com/x\"");
            assertThat(PlatformCalls.call("GET", "/api/v1/webhooks", token, null, 200)).isEmpty();

            // The one internal host the test stack allows webhooks to (memberhub.webhooks.allowed-private-hosts).
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Browser.Page subscribed = browser.post(console.resolve("/console/settings/webhooks"), Map.of("url", url, "eventTypes", "MemberRegistered"));
            assertThat(subscribed.status()).isEqualTo(200);
            String secret = secrets(subscribed.body()).get("signingSecret");
            assertThat(secret).startsWith("whsec_");
            JsonNode webhooks = PlatformCalls.call("GET", "/api/v1/webhooks", token, null, 200);
            assertThat(webhooks).hasSize(1);
            assertThat(webhooks.get(0).get("eventTypes").toString()).isEqualTo("[\"MemberRegistered\"]");
            String id = webhooks.get(0).get("id").asText();
            assertThat(browser.get(console.resolve("/console/settings/webhooks")).body()).as("shown once").contains(url).doesNotContain(secret);

            PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000021\",\"name\":\"Wei\"}", 201);
            Delivery first = received.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("a delivery reached the receiver").isNotNull();
            assertThat(first.signature()).as("signed with the secret the console showed").isEqualTo(signature(secret, first));

            Browser.Page log = browser.get(console.resolve("/console/settings/webhooks/" + id + "/deliveries"));
            assertThat(log.status()).isEqualTo(200);
            assertThat(log.body()).contains("data-event-type=\"MemberRegistered\"").contains(first.eventId());
            assertThat(browser.get(console.resolve("/console/settings/webhooks/" + id + "/deliveries?status=DEAD")).body())
                    .contains("data-status-filter=\"DEAD\"").doesNotContain("data-event-type=");

            String delivery = PlatformCalls.call("GET", "/api/v1/webhooks/" + id + "/deliveries", token, null, 200).get(0).get("id").asText();
            Browser.Page replayed = browser.post(console.resolve("/console/settings/webhooks/" + id + "/deliveries/" + delivery + "/replay"), Map.of());
            assertThat(replayed.body()).contains("data-replayed=\"" + delivery + "\"");
            Delivery again = received.poll(60, TimeUnit.SECONDS);
            assertThat(again).as("the replay reached the receiver").isNotNull();
            assertThat(again.eventId()).isEqualTo(first.eventId());

            Browser.Page rotated = browser.post(console.resolve("/console/settings/webhooks/" + id + "/secret"), Map.of());
            String newSecret = secrets(rotated.body()).get("signingSecret");
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);

            Browser.Page gone = browser.post(console.resolve("/console/settings/webhooks/" + id + "/deletion"), Map.of());
            assertThat(gone.body()).contains("data-done=\"unsubscribed\"");
            assertThat(PlatformCalls.call("GET", "/api/v1/webhooks", token, null, 200)).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aDeviceShowsItsCredentialsOnceAndIsRevoked() throws Exception {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        Browser browser = signedIn(owner, "/console/settings/devices");

        Browser.Page refused = browser.post(console.resolve("/console/settings/devices"), Map.of("name", "", "kind", "SCANNER"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"name\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/devices", token, null, 200)).isEmpty();

        Browser.Page registered = browser.post(console.resolve("/console/settings/devices"), Map.of("name", "Front desk scanner", "kind", "SCANNER"));
        assertThat(registered.status()).isEqualTo(200);
        Map<String, String> credentials = secrets(registered.body());
        assertThat(credentials).containsKeys("clientId", "clientSecret", "tokenUrl");
        String deviceToken = clientCredentials(credentials);
        JsonNode me = PlatformCalls.call("GET", "/api/v1/devices/me", deviceToken, null, 200);
        assertThat(me.get("name").asText()).isEqualTo("Front desk scanner");
        assertThat(me.get("kind").asText()).isEqualTo("SCANNER");
        assertThat(browser.get(console.resolve("/console/settings/devices")).body()).as("shown once")
                .contains("data-name=\"Front desk scanner\"").doesNotContain(credentials.get("clientSecret"));

        String id = me.get("id").asText();
        Browser.Page rotated = browser.post(console.resolve("/console/settings/devices/" + id + "/secret"), Map.of());
        String newSecret = secrets(rotated.body()).get("clientSecret");
        assertThat(newSecret).isNotBlank().isNotEqualTo(credentials.get("clientSecret"));

        Browser.Page revoked = browser.post(console.resolve("/console/settings/devices/" + id + "/revocation"), Map.of());
        assertThat(revoked.body()).contains("data-done=\"revoked\"").contains("data-device-status=\"REVOKED\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/devices", token, null, 200).get(0).get("status").asText()).isEqualTo("REVOKED");
        PlatformCalls.call("GET", "/api/v1/devices/me", deviceToken, null, 403);

        Browser.Page again = browser.post(console.resolve("/console/settings/devices/" + id + "/revocation"), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("data-problem=\"DEVICE_REVOKED\"");
    }

    /** One request the webhook receiver got. */
    private record Delivery(String eventId, String signature, String body) {
    }

    private Browser signedIn(SignInTest.Owner owner, String path) {
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve(path)), owner.email(), owner.password());
        return browser;
    }

    /** The secrets a page shows, by name (HTML entities of the values undone). */
    private static Map<String, String> secrets(String body) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher m = SECRET.matcher(body);
        while (m.find()) {
            found.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return found;
    }

    private static JsonNode staff(String token) {
        return PlatformCalls.call("GET", "/api/v1/staff", token, null, 200);
    }

    private static JsonNode staffMember(String token, String email) {
        return StreamSupport.stream(staff(token).spliterator(), false).filter(s -> s.get("email").asText().equals(email)).findFirst().orElseThrow();
    }

    private static String role(String token, String email) {
        return staffMember(token, email).get("role").asText();
    }

    private static String idOf(String token, String email) {
        return staffMember(token, email).get("id").asText();
    }

    /** What the receiver should see: {@code t=<t>,v1=<hex HMAC-SHA256 of "<t>.<body>">} keyed with the secret's UTF-8 bytes. */
    private static String signature(String secret, Delivery delivery) throws Exception {
        String t = delivery.signature().replaceAll("^t=(\\d+),.*$", "$1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
    }

    /** A device's access token by the client-credentials grant, with what the console showed. */
    private static String clientCredentials(Map<String, String> credentials) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(credentials.get("clientId"), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.get("clientSecret"), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(credentials.get("tokenUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("token: %s", answer.body()).isEqualTo(200);
        return answer.body().replaceAll("^.*\"access_token\":\"([^\"]+)\".*$", "$1");
    }
}
