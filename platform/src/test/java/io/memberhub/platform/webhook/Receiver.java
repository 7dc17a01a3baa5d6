package io.memberhub.platform.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A merchant's webhook endpoint: records what it receives and answers with the status it is told to
 * (with a Location when told to redirect). Told to {@link #hold()}, it keeps every request waiting
 * until {@link #release()}, as a receiver that hangs does.
 */
public final class Receiver implements AutoCloseable {

    public record Received(Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> location = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            firstArrived.countDown();
            CountDownLatch hold = held.get();
            if (hold != null) {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (location.get() != null) {
                exchange.getResponseHeaders().add("Location", location.get());
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        // Held requests must not keep the next ones from arriving.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(int code) {
        status.set(code);
    }

    /** Answers {@code code} with {@code Location: target}. */
    public void redirect(int code, String target) {
        location.set(target);
        status.set(code);
    }

    /** From now on every request waits until {@link #release()}. */
    public void hold() {
        held.set(new CountDownLatch(1));
    }

    /** Lets held requests (and later ones) through. */
    public void release() {
        CountDownLatch hold = held.getAndSet(null);
        if (hold != null) {
            hold.countDown();
        }
    }

    /** Waits until a first request reached the receiver (held or not). */
    public boolean awaitFirstRequest(java.time.Duration atMost) throws InterruptedException {
        return firstArrived.await(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
