package io.memberhub.gateclient;

import io.memberhub.plugins.kit.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A gate's side of the gate API. {@link #check} asks the platform; when the platform cannot be reached
 * it decides from the last allow-list {@link #sync} verified and queues the check-in, which
 * {@link #upload} sends once the platform answers again. The state (allow-list, queue) lives in files,
 * so a gate that restarts while offline keeps deciding and loses no check-in.
 */
public final class GateClient {

    /** Where the gate's platform is and who the gate is ({@code POST /api/v1/devices} made the credentials). */
    public record Settings(URI api, URI tokenUrl, String clientId, String clientSecret, Path state, Duration timeout) {
    }

    /** What an upload did: check-ins the platform recorded, ones it had already, and ones still queued. */
    public record Upload(int recorded, int duplicates, int remaining) {
    }

    /** The platform answered, but not with a decision: the gate is misconfigured (not registered, bad request). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private static final String BASE = "/api/v1/ext/gate-api";
    private static final int UPLOAD_BATCH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;
    private OfflineGate offline;

    public GateClient(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public GateClient(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Downloads the zone's allow-list, checks the merchant's signature on it and keeps it for offline use. */
    public AllowList sync() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/allow-list")).GET());
        if (response.statusCode() != 200) {
            throw new Refused("The platform refused the allow-list (" + response.statusCode() + "): " + response.body());
        }
        AllowList list = load(response.body());
        Files.createDirectories(settings.state());
        Path file = settings.state().resolve("allow-list.json");
        Path temp = settings.state().resolve("allow-list.json.tmp");
        Files.writeString(temp, response.body());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return list;
    }

    /** Checks a member code or {@code card:<id>}: the platform decides when it can, else the gate. */
    public GateAnswer check(String credential) throws IOException {
        return check(credential, newEventId());
    }

    public GateAnswer check(String credential, String eventId) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        if (credential.startsWith("card:")) {
            body.put("cardId", credential.substring(5));
        } else {
            body.put("code", credential);
        }
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/check")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
            if (response.statusCode() == 200) {
                Map<String, Object> answer = Json.object(response.body());
                return new GateAnswer("ALLOW".equals(answer.get("verdict")), (String) answer.get("reason"), (String) answer.get("message"),
                        answer.get("memberId") == null ? null : UUID.fromString((String) answer.get("memberId")), (String) answer.get("level"),
                        true, Boolean.TRUE.equals(answer.get("replayed")));
            }
            if (response.statusCode() < 500) {
                throw new Refused("The platform refused the check (" + response.statusCode() + "): " + response.body());
            }
        } catch (IOException e) {
            // Unreachable or timed out: decide here.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return decideOffline(credential, eventId);
    }

    /** Sends the queued check-ins, oldest first, in parts; what the platform took leaves the queue. */
    public Upload upload() throws IOException, InterruptedException {
        List<String> queued = queued();
        int recorded = 0;
        int duplicates = 0;
        while (!queued.isEmpty()) {
            List<String> part = queued.subList(0, Math.min(UPLOAD_BATCH, queued.size()));
            List<Object> checkIns = new ArrayList<>();
            part.forEach(line -> checkIns.add(Json.parse(line)));
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/check-ins")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("checkIns", checkIns)))));
            if (response.statusCode() != 200) {
                throw new Refused("The platform refused the upload (" + response.statusCode() + "): " + response.body());
            }
            Map<String, Object> answer = Json.object(response.body());
            recorded += ((Number) answer.get("recorded")).intValue();
            duplicates += ((Number) answer.get("duplicates")).intValue();
            queued = new ArrayList<>(queued.subList(part.size(), queued.size()));
            rewriteQueue(queued);
        }
        return new Upload(recorded, duplicates, queued.size());
    }

    /** Check-ins waiting for the platform. */
    public int pending() throws IOException {
        return queued().size();
    }

    private GateAnswer decideOffline(String credential, String eventId) throws IOException {
        OfflineGate gate = offlineGate();
        Instant now = clock.instant();
        GateAnswer answer = gate == null ? GateAnswer.deny("NO_ALLOW_LIST", "The gate has no allow-list yet and cannot reach the platform",
                null, null) : gate.decide(credential, now);
        Map<String, Object> checkIn = new LinkedHashMap<>();
        checkIn.put("eventId", eventId);
        if (answer.memberId() != null) {
            checkIn.put("memberId", answer.memberId().toString());
        }
        checkIn.put("credential", credential.startsWith("card:") ? credential : "code");
        checkIn.put("verdict", answer.verdict());
        checkIn.put("reason", answer.reason());
        checkIn.put("at", now.toString());
        Files.createDirectories(settings.state());
        Files.writeString(queueFile(), Json.write(checkIn) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
        return answer;
    }

    /** The gate's offline judge from the last verified allow-list (loaded from the state if need be), or null without one. */
    public OfflineGate offlineGate() throws IOException {
        if (offline == null) {
            Path file = settings.state().resolve("allow-list.json");
            if (Files.exists(file)) {
                load(Files.readString(file));
            }
        }
        return offline;
    }

    @SuppressWarnings("unchecked")
    private AllowList load(String body) {
        Map<String, Object> json = Json.object(body);
        Keys keys = new Keys((List<Map<String, Object>>) json.get("keys"));
        AllowList list = AllowList.verified((String) json.get("allowList"), keys);
        offline = new OfflineGate(list, keys);
        return list;
    }

    private List<String> queued() throws IOException {
        return Files.exists(queueFile()) ? new ArrayList<>(Files.readAllLines(queueFile()).stream().filter(l -> !l.isBlank()).toList())
                : new ArrayList<>();
    }

    private void rewriteQueue(List<String> remaining) throws IOException {
        Path temp = settings.state().resolve("pending.jsonl.tmp");
        Files.writeString(temp, remaining.isEmpty() ? "" : String.join("\n", remaining) + "\n");
        Files.move(temp, queueFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path queueFile() {
        return settings.state().resolve("pending.jsonl");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token()).timeout(settings.timeout()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            // The token ran out early (clock drift, a restarted identity server): one fresh try.
            tokenExpires = Instant.EPOCH;
            response = http.send(request.setHeader("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    private String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.tokenUrl()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refused("The identity server refused the gate's credentials (" + response.statusCode() + "): " + response.body());
        }
        Map<String, Object> json = Json.object(response.body());
        token = (String) json.get("access_token");
        // Renewed a little before it runs out, so no request goes out with a token about to expire.
        tokenExpires = clock.instant().plusSeconds(Math.max(5, ((Number) json.get("expires_in")).longValue() - 10));
        return token;
    }

    private URI uri(String path) {
        return URI.create(settings.api().toString().replaceAll("/+$", "") + BASE + path);
    }

    private static String newEventId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "ev-" + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(random);
    }
}
