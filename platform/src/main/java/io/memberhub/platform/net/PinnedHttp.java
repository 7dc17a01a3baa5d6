package io.memberhub.platform.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP calls to a {@link Destinations.Destination}: the connection goes to the very address that was
 * checked, never to a second lookup of the name, while the Host header, TLS server name and
 * certificate check use the name as written. Redirects are not followed (a redirect could lead
 * anywhere). The caller's thread waits for the whole exchange at most {@code timeout}; answers
 * larger than {@code maxBody} bytes are cut off and refused.
 */
@ApplicationScoped
public class PinnedHttp {

    /** What the server answered; header names in lower case. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** The answer was larger than the caller takes. */
    public static final class TooLarge extends IOException {
        TooLarge(int maxBody) {
            super("the answer is larger than " + maxBody + " bytes");
        }
    }

    @Inject
    Vertx vertx;

    private HttpClient client;

    @PostConstruct
    void open() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setName("memberhub-outbound")
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends one request and waits for the answer.
     *
     * @param maxBody the most answer bytes kept; a longer answer fails with {@link TooLarge} (0: the body is read and dropped)
     */
    public Answer send(Destinations.Destination to, String method, Map<String, String> headers, byte[] body, Duration timeout, int maxBody)
            throws IOException, TimeoutException, InterruptedException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setHost(to.host())
                .setPort(to.port())
                .setSsl(to.https())
                .setURI(to.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(to.address(), to.port())))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis());
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(options).onFailure(answer::completeExceptionally).onSuccess(request -> {
            sent.set(request);
            headers.forEach(request::putHeader);
            request.response().onFailure(answer::completeExceptionally).onSuccess(response -> {
                Buffer kept = Buffer.buffer();
                long[] read = {0};
                response.exceptionHandler(answer::completeExceptionally);
                response.handler(chunk -> {
                    read[0] += chunk.length();
                    if (maxBody > 0 && read[0] > maxBody) {
                        answer.completeExceptionally(new TooLarge(maxBody));
                        request.reset();
                    } else if (maxBody > 0) {
                        kept.appendBuffer(chunk);
                    }
                });
                response.endHandler(end -> {
                    Map<String, List<String>> names = new TreeMap<>();
                    response.headers().forEach(h -> names.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
                    answer.complete(new Answer(response.statusCode(), names, kept.getBytes()));
                });
            });
            (body == null ? request.end() : request.end(Buffer.buffer(body))).onFailure(answer::completeExceptionally);
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }
}
