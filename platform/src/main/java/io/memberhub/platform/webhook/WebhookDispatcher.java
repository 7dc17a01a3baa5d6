package io.memberhub.platform.webhook;

import io.memberhub.platform.net.Destinations;
import io.memberhub.platform.net.PinnedHttp;
import io.memberhub.platform.observability.TenantTag;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.memberhub.platform.work.KickedLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries: claims a batch across merchants (leased, so instances share the
 * work without sending twice), then for each reads it in its merchant, POSTs it signed with no
 * database transaction open, and records the outcome. A 2xx answer within the time limit is a
 * success; anything else is retried later. The URL is judged again before each attempt and the
 * request goes to the address judged ({@link WebhookTargets}); redirects are not followed. Each attempt's outcome is counted in
 * {@code memberhub.webhook.deliveries} (delivered, retrying, dead) per merchant.
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    Webhooks webhooks;

    @Inject
    MeterRegistry registry;

    @Inject
    TenantTag tenantTag;

    @Inject
    WebhookTargets targets;

    @Inject
    PinnedHttp http;

    @ConfigProperty(name = "memberhub.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "memberhub.webhooks.first-retry", defaultValue = "30s")
    Duration firstRetry;

    @ConfigProperty(name = "memberhub.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    private final KickedLoop loop = new KickedLoop("webhooks", () -> {
        for (List<Object[]> due = claim(); !due.isEmpty(); due = claim()) {
            for (Object[] row : due) {
                send(TenantBound.of(UUID.fromString((String) row[0])), (UUID) row[1]);
            }
        }
    });

    @Scheduled(every = "${memberhub.webhooks.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    void kick() {
        loop.kick();
    }

    private List<Object[]> claim() {
        return BackgroundRequest.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select * from webhook_claim_due(?1, ?2)")
                    .setParameter(1, 50).setParameter(2, (int) timeout.multipliedBy(3).toSeconds()).getResultList();
            return rows;
        }));
    }

    private void send(TenantBound tenant, UUID deliveryId) {
        Optional<Webhooks.Attempt> attempt = BackgroundRequest.call(() -> webhooks.attempt(tenant, deliveryId));
        if (attempt.isEmpty()) {
            return;
        }
        Webhooks.Attempt a = attempt.get();
        Integer status = null;
        String error;
        try {
            // Checked again now and connected to the address checked: the name may point elsewhere than at subscription.
            Destinations.Destination destination = targets.atDelivery(a.url());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "MemberHub-Webhooks/1");
            headers.put("X-MemberHub-Event", a.eventType());
            headers.put("X-MemberHub-Event-Id", a.eventId().toString());
            headers.put("X-MemberHub-Delivery", a.id().toString());
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(a.secret(), Instant.now().getEpochSecond(), a.body()));
            status = http.send(destination, "POST", headers, a.body().getBytes(StandardCharsets.UTF_8), timeout, 0).status();
            error = status / 100 == 2 ? null : "answered " + status;
        } catch (Destinations.Refused e) {
            error = "refused: the URL " + e.getMessage();
        } catch (TimeoutException e) {
            error = "no answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Integer answered = status;
        String failure = error;
        BackgroundRequest.run(() -> {
            if (failure == null) {
                webhooks.delivered(tenant, deliveryId, answered);
            } else {
                webhooks.failed(tenant, deliveryId, answered, failure, maxAttempts, firstRetry);
            }
        });
        counted(tenant, failure == null ? "delivered" : a.attempts() + 1 >= maxAttempts ? "dead" : "retrying");
    }

    private void counted(TenantBound tenant, String outcome) {
        Counter.builder("memberhub.webhook.deliveries")
                .description("Webhook delivery attempts by outcome: delivered, retrying (failed, tried again later) or dead (given up)")
                .tag("outcome", outcome)
                .tags(tenantTag.of(tenant.tenantId()))
                .register(registry)
                .increment();
    }
}
