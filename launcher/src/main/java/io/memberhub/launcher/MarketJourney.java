package io.memberhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin's way through the real market, for the plugins' end-to-end tests: a platform with real
 * PostgreSQL and Keycloak (market auto-publishing), a developer who signs and uploads the package
 * the build made, and merchants who enable it and use the API as their owners.
 */
public final class MarketJourney implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";

    private final PlatformForTests platform;
    private final OutsideServiceStandIn standIn;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger merchants = new AtomicInteger();

    private MarketJourney(PlatformForTests platform, OutsideServiceStandIn standIn) {
        this.platform = platform;
        this.standIn = standIn;
    }

    /** Starts the platform built in this repository ({@code memberhub.repo}, default {@code ../..}). */
    public static MarketJourney start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * The same with further platform properties, e.g. {@code memberhub.plugins.http.allow-private-addresses=true}
     * so that a plugin may call a service on this machine.
     */
    public static MarketJourney start(Map<String, String> properties) throws IOException, InterruptedException {
        return start(properties, null);
    }

    /**
     * Starts an {@link OutsideServiceStandIn} (WeChat, QQ) and the platform, allowing plugins to call
     * it; both stop with the journey. Point the plugin's base-URL setting at {@code standIn().baseUrl()}.
     */
    public static MarketJourney startWithStandIn() throws IOException, InterruptedException {
        OutsideServiceStandIn standIn = OutsideServiceStandIn.start();
        try {
            return start(Map.of("memberhub.plugins.http.allow-private-addresses", "true"), standIn);
        } catch (IOException | InterruptedException | RuntimeException e) {
            standIn.close();
            throw e;
        }
    }

    /**
     * Starts {@code instances} instances of the platform on one database, Keycloak and market
     * directory, as a cluster runs them; calls go to the first unless a test names another
     * ({@link Merchant#callOn}).
     */
    public static MarketJourney startInstances(int instances, Map<String, String> properties) throws IOException, InterruptedException {
        return start(properties, null, instances);
    }

    private static MarketJourney start(Map<String, String> properties, OutsideServiceStandIn standIn) throws IOException, InterruptedException {
        return start(properties, standIn, 1);
    }

    private static MarketJourney start(Map<String, String> properties, OutsideServiceStandIn standIn, int instances)
            throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(Map.of("memberhub.market.auto-publish", "true"));
        all.putAll(properties);
        return new MarketJourney(PlatformForTests.start(Path.of(System.getProperty("memberhub.repo", "../..")), Path.of("target"), all,
                instances), standIn);
    }

    /** The platform's instances, the one calls go to by default first. */
    public List<PlatformForTests.Instance> instances() {
        return platform.instances();
    }

    /** The platform under the journey, for tests that kill and restart it or the services it uses. */
    public PlatformForTests platform() {
        return platform;
    }

    /** The outside services' stand-in of {@link #startWithStandIn()}. */
    public OutsideServiceStandIn standIn() {
        if (standIn == null) {
            throw new IllegalStateException("This journey has no stand-in: start it with MarketJourney.startWithStandIn()");
        }
        return standIn;
    }

    /** Uploads the market package this build made ({@code memberhub.market.package}), signed by a new developer; answers the version. */
    public JsonNode publishBuiltPackage() throws IOException, InterruptedException, GeneralSecurityException {
        return publish(Files.readAllBytes(Path.of(System.getProperty("memberhub.market.package"))));
    }

    /** Uploads a market package (manifest.json and plugin.jar), signed by a new developer; answers the version. */
    public JsonNode publish(byte[] pack) throws IOException, InterruptedException, GeneralSecurityException {
        String email = "dev-" + System.nanoTime() + "@example.test";
        call("POST", "/api/v1/market/developers", null, Map.of("name", "Plugin developer", "email", email, "password", PASSWORD), 201);
        String developer = token(email);
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = call("POST", "/api/v1/market/developer/keys", developer,
                Map.of("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())), 201).get("id").asText();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(pack);
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pack)) + ":";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/market/developer/packages"))
                .header("Authorization", "Bearer " + developer).header("Content-Type", "application/zip")
                .header("Content-Digest", digest).header("X-MemberHub-Key-Id", keyId)
                .header("X-MemberHub-Signature", Base64.getEncoder().encodeToString(signer.sign()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(pack)).build();
        return expect(http.send(upload, HttpResponse.BodyHandlers.ofString()), 201, "upload the package");
    }

    /** Signs up a new merchant and signs its owner in. */
    public Merchant merchant(String name) throws IOException, InterruptedException {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + merchants.incrementAndGet();
        String email = "owner@" + slug + ".test";
        JsonNode tenant = call("POST", "/api/v1/tenants", null, Map.of("merchantName", name, "slug", slug, "ownerEmail", email,
                "ownerPassword", PASSWORD), 201);
        return new Merchant(tenant.get("id").asText(), slug, token(email));
    }

    /** A merchant as its owner sees the API. */
    public final class Merchant {

        private final String id;
        private final String slug;
        private final String token;

        private Merchant(String id, String slug, String token) {
            this.id = id;
            this.slug = slug;
            this.token = token;
        }

        public String id() {
            return id;
        }

        public String slug() {
            return slug;
        }

        /** The owner's access token, for a test's own HTTP client (e.g. one that retries as a merchant system does). */
        public String token() {
            return token;
        }

        /** Calls the API as the owner and fails the test unless the status is {@code expected}. */
        public JsonNode call(String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return MarketJourney.this.call(method, path, token, body, expected);
        }

        /** The same through one of the platform's instances ({@link MarketJourney#instances()}). */
        public JsonNode callOn(int instance, String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return expect(http.send(request(platform.instances().get(instance).apiUrl(), method, path, token, body, Map.of()),
                    HttpResponse.BodyHandlers.ofString()), expected, method + " " + path + " on instance " + instance);
        }

        /** The status a call through one of the instances answers, whatever it is. */
        public int statusOn(int instance, String method, String path) throws IOException, InterruptedException {
            return http.send(request(platform.instances().get(instance).apiUrl(), method, path, token, null, Map.of()),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** Calls the API as the owner expecting a refusal: the status and an RFC 9457 {@code application/problem+json} body. */
        public JsonNode refused(String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return MarketJourney.this.problem(method, path, token, body, expected);
        }

        /** The same with an {@code Idempotency-Key}. */
        public JsonNode callOnce(String key, String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return MarketJourney.this.send(method, path, token, body, expected, Map.of("Idempotency-Key", key));
        }

        public JsonNode enable(String pluginId, Map<String, String> config) throws IOException, InterruptedException {
            return call("PUT", "/api/v1/plugins/" + pluginId + "/enablement", Map.of("config", config), 200);
        }

        /** The plugin as {@code GET /api/v1/plugins} shows it to the owner: status, failures, config (secrets masked). */
        public JsonNode plugin(String pluginId) throws IOException, InterruptedException {
            for (JsonNode plugin : call("GET", "/api/v1/plugins", null, 200)) {
                if (plugin.get("id").asText().equals(pluginId)) {
                    return plugin;
                }
            }
            throw new AssertionError("No plugin " + pluginId + " is installed");
        }

        public String member(String phone) throws IOException, InterruptedException {
            return call("POST", "/api/v1/members", Map.of("phone", phone), 201).get("id").asText();
        }

        /**
         * Signs the member with this phone in by SMS, as the member's app does (the development sender
         * writes the code into the platform's log, where this reads it); the member's access token.
         */
        public String memberToken(String phone) throws IOException, InterruptedException {
            requestSmsCode(phone);
            return smsSignIn(phone, 200).get("accessToken").asText();
        }

        /** Asks for a sign-in code for this phone, as the member's app does. */
        public void requestSmsCode(String phone) throws IOException, InterruptedException {
            send("POST", "/api/member/auth/sms-codes", null, Map.of("merchant", slug, "phone", phone), 202, Map.of());
        }

        /** Signs in with the newest code sent to this phone; the answer (tokens, or a problem), which must have status {@code expected}. */
        public JsonNode smsSignIn(String phone, int expected) throws IOException, InterruptedException {
            return send("POST", "/api/member/auth/sms-login", null, Map.of("merchant", slug, "phone", phone, "code", smsCode(phone)), expected,
                    Map.of());
        }

        /** The member code the member's app shows now (a fresh one, valid for about a minute). */
        public String memberCode(String memberToken) throws IOException, InterruptedException {
            return MarketJourney.this.call("GET", "/api/member/me/code", memberToken, null, 200).get("code").asText();
        }

        /** Registers a device (a gate, a scanner) of this merchant and signs it in with its client credentials. */
        public Device device(String name, String kind) throws IOException, InterruptedException {
            JsonNode credentials = call("POST", "/api/v1/devices", Map.of("name", name, "kind", kind), 201);
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(credentials.get("clientId").asText(), StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(credentials.get("clientSecret").asText(), StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(credentials.get("tokenUrl").asText()))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return new Device(credentials.get("device").get("id").asText(), credentials.get("clientId").asText(),
                    credentials.get("clientSecret").asText(), credentials.get("tokenUrl").asText(),
                    expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200, "sign device " + name + " in")
                            .get("access_token").asText());
        }
    }

    /** A merchant's device as the API sees it, with its own token. */
    public final class Device {

        private final String id;
        private final String clientId;
        private final String clientSecret;
        private final String tokenUrl;
        private final String token;

        private Device(String id, String clientId, String clientSecret, String tokenUrl, String token) {
            this.id = id;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.tokenUrl = tokenUrl;
            this.token = token;
        }

        public String id() {
            return id;
        }

        /** The device's client credentials and where it exchanges them for tokens, as its installer would configure it. */
        public String clientId() {
            return clientId;
        }

        public String clientSecret() {
            return clientSecret;
        }

        public String tokenUrl() {
            return tokenUrl;
        }

        public String token() {
            return token;
        }

        /** The platform's base URL, for a device client of its own. */
        public String apiUrl() {
            return platform.apiUrl();
        }

        /** Calls the API as the device and fails the test unless the status is {@code expected}. */
        public JsonNode call(String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return MarketJourney.this.call(method, path, token, body, expected);
        }

        /** Calls the API as the device expecting a refusal: the status and an RFC 9457 {@code application/problem+json} body. */
        public JsonNode refused(String method, String path, Object body, int expected) throws IOException, InterruptedException {
            return MarketJourney.this.problem(method, path, token, body, expected);
        }
    }

    /** The newest SMS code sent to {@code phone}; the log line is written before the platform answers the request for it. */
    private String smsCode(String phone) throws IOException {
        Pattern code = Pattern.compile("SMS to " + Pattern.quote(phone) + " .*code is (\\d{6})");
        List<String> lines = Files.readAllLines(platform.log());
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher found = code.matcher(lines.get(i));
            if (found.find()) {
                return found.group(1);
            }
        }
        throw new AssertionError("No SMS code to " + phone + " in " + platform.log());
    }

    private String token(String email) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=memberhub-api&scope=organization&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.keycloakUrl() + "/realms/memberhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 200, "sign in " + email).get("access_token").asText();
    }

    /**
     * Calls the API with {@code token} (a member's, say), or as nobody when it is null (a member's app
     * before sign-in), and fails the test unless the status is {@code expected}.
     */
    public JsonNode call(String method, String path, String token, Object body, int expected) throws IOException, InterruptedException {
        return send(method, path, token, body, expected, Map.of());
    }

    private JsonNode send(String method, String path, String token, Object body, int expected, Map<String, String> headers)
            throws IOException, InterruptedException {
        return expect(http.send(request(method, path, token, body, headers), HttpResponse.BodyHandlers.ofString()), expected,
                method + " " + path);
    }

    private JsonNode problem(String method, String path, String token, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, token, body, Map.of()), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " as '" + type
                    + "' instead of application/problem+json: " + response.body());
        }
        return expect(response, expected, method + " " + path);
    }

    private HttpRequest request(String method, String path, String token, Object body, Map<String, String> headers) throws IOException {
        return request(platform.apiUrl(), method, path, token, body, headers);
    }

    private HttpRequest request(String apiUrl, String method, String path, String token, Object body, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Accept", "application/json");
        Map<String, String> all = new HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return request.build();
    }

    private static JsonNode expect(HttpResponse<String> response, int expected, String what) throws IOException {
        if (response.statusCode() != expected) {
            throw new AssertionError(what + " answered " + response.statusCode() + " instead of " + expected + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @Override
    public void close() {
        platform.close();
        if (standIn != null) {
            standIn.close();
        }
    }
}
