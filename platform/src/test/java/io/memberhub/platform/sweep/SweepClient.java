package io.memberhub.platform.sweep;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Sends the sweeps' requests byte for byte as written (a raw body can be malformed JSON or carry
 * escapes a JSON library would refuse to write), a few at a time, and counts what came back.
 */
final class SweepClient implements AutoCloseable {

    /** A request: {@code body} is sent as is, with {@code contentType}, when not null. */
    record Call(String label, String method, String path, String token, String contentType, byte[] body, Map<String, String> headers) {

        static Call of(String label, String method, String path, String token) {
            return new Call(label, method, path, token, null, null, Map.of());
        }

        Call json(String json) {
            return new Call(label, method, path, token, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
        }

        Call body(String type, byte[] bytes) {
            return new Call(label, method, path, token, type, bytes, headers);
        }

        Call header(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Call(label, method, path, token, contentType, body, more);
        }

        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String shown = bodyText();
            return label + ": " + method + " " + path + (shown.isEmpty() ? "" : " " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown));
        }
    }

    /** What came back. */
    record Answer(Call call, int status, String contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's {@code code}, or what the body starts with when it is not a problem document. */
        String code() {
            var matcher = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return isProblem() && matcher.find() ? matcher.group(1) : "(" + contentType + ") " + (body.length() > 120 ? body.substring(0, 120) : body);
        }

        @Override
        public String toString() {
            return call + " -> " + status + " " + code();
        }
    }

    private final HttpClient http;
    private final ExecutorService pool;
    private final String base;
    private final LongAdder calls = new LongAdder();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    SweepClient(int parallel) {
        this.pool = Executors.newFixedThreadPool(parallel);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = RestAssured.baseURI + ":" + RestAssured.port;
    }

    Answer send(Call call) {
        // "; sweep=chunked" asks for a body without a Content-Length, sent in chunks as it is produced.
        boolean chunked = call.contentType() != null && call.contentType().endsWith("; sweep=chunked");
        HttpRequest.BodyPublisher publisher = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(call.body()))
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(60))
                .method(call.method(), publisher).header("Accept", "application/json, */*;q=0.1");
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType().replace("; sweep=chunked", ""));
        }
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            calls.increment();
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            return new Answer(call, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new AssertionError("No answer to " + call + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Sends every call, one after the other, and checks each answer. */
    List<Answer> sendInOrder(Collection<Call> batch, Function<Answer, Answer> check) {
        return batch.stream().map(call -> check.apply(send(call))).toList();
    }

    /** Sends every call, a few at a time, and checks each answer; the answers in the calls' order. */
    List<Answer> sendAll(Collection<Call> batch, Function<Answer, Answer> check) {
        List<Future<Answer>> pending = new ArrayList<>();
        for (Call call : batch) {
            pending.add(pool.submit(() -> check.apply(send(call))));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : pending) {
            try {
                answers.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new AssertionError(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
        return answers;
    }

    long calls() {
        return calls.sum();
    }

    /** Status to how often it was answered, lowest status first. */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> seen = new TreeMap<>();
        statuses.forEach((status, count) -> seen.put(status, count.get()));
        return seen;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
