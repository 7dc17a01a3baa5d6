package io.memberhub.platform.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A merchant's system (shop, POS) calling the API as a real one does: every write carries an
 * Idempotency-Key, and a write that fails on the connection or with a 5xx is sent again with the
 * same key until it is answered. Anything else (a 4xx) is a failure of the platform under test.
 */
final class MerchantSystem {

    /** A merchant system waits a little before it retries, so that a platform coming back is not flooded. */
    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The platform's answer to a write, and whether it was the stored answer to an earlier attempt. */
    record Answer(JsonNode body, boolean replayed) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiUrl;
    private final String token;

    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger connectionErrors = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    /** How often each 5xx status came back. */
    final Map<Integer, Integer> serverStatuses = new ConcurrentHashMap<>();
    final AtomicInteger replayed = new AtomicInteger();
    /** Requests sent before a disruption that it cut off (their connection failed). */
    final AtomicInteger cut = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    private volatile long disruptedAt = Long.MAX_VALUE;

    MerchantSystem(String apiUrl, String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** Marks the moment the test disrupts the platform: connections failing for requests sent earlier were cut by it. */
    void disrupting() {
        disruptedAt = System.nanoTime();
    }

    /** Failed attempts so far, of either kind. */
    int failures() {
        return connectionErrors.get() + serverErrors.get();
    }

    /** POSTs {@code body} with {@code key} until the platform answers 2xx. */
    Answer write(String path, String key, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        while (true) {
            long sent = System.nanoTime();
            attempts.incrementAndGet();
            inFlight.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    boolean replay = response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false);
                    if (replay) {
                        replayed.incrementAndGet();
                    }
                    return new Answer(JSON.readTree(response.body()), replay);
                }
                if (status < 500) {
                    throw new AssertionError("POST " + path + " (key " + key + ") answered " + status + ": " + response.body());
                }
                serverErrors.incrementAndGet();
                serverStatuses.merge(status, 1, Integer::sum);
            } catch (IOException connection) {
                connectionErrors.incrementAndGet();
                if (sent < disruptedAt) {
                    cut.incrementAndGet();
                }
            } finally {
                inFlight.decrementAndGet();
            }
            Thread.sleep(BACKOFF);
        }
    }
}
