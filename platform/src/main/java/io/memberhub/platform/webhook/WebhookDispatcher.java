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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries: claims a few per merchant (leased, so instances share the work
 * without sending twice), sends each merchant's one after another and the merchants side by side
 * (up to {@code memberhub.webhooks.parallel-merchants}), and claims no more for a merchant while its
 * deliveries are still being sent here: a receiver that hangs delays its own merchant's deliveries,
 * not the others'. Each delivery is read in its merchant, POSTed signed with no database transaction
 * open, and its outcome recorded. A 2xx answer within the time limit is a
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

    @ConfigProperty(name = "memberhub.webhooks.parallel-merchants", defaultValue = "8")
    int parallelMerchants;

    /** Claimed at once for one merchant: sent one after another, so the lease covers them all. */
    private static final int PER_MERCHANT = 5;

    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-sender-", 0).factory());
    private final KickedLoop loop = new KickedLoop("webhooks", this::claimAndHandOut);

    @Scheduled(every = "${memberhub.webhooks.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        loop.kick();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
        // A delivery cut short stays claimed until its lease runs out, then is sent again (receivers dedupe by delivery id).
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    void kick() {
        loop.kick();
    }

    /** Hands each merchant's claimed deliveries to a sender of its own while senders are free; a sender that ends kicks again. */
    private void claimAndHandOut() {
        for (int free = parallelMerchants - sending.size(); free > 0; free = parallelMerchants - sending.size()) {
            Map<String, List<UUID>> due = claim(free);
            if (due.isEmpty()) {
                return;
            }
            due.forEach((tenantId, deliveries) -> {
                sending.add(tenantId);
                try {
                    senders.execute(() -> {
                        try {
                            deliveries.forEach(id -> send(TenantBound.of(UUID.fromString(tenantId)), id));
                        } finally {
                            sending.remove(tenantId);
                            loop.kick();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    sending.remove(tenantId);
                }
            });
        }
    }

    private Map<String, List<UUID>> claim(int merchants) {
        String[] busy = sending.toArray(String[]::new);
        // Long enough for every delivery claimed for the merchant to wait out the timeout, one after another.
        int lease = (int) timeout.multipliedBy(PER_MERCHANT + 2).toSeconds();
        List<Object[]> rows = BackgroundRequest.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> claimed = em.createNativeQuery("select * from webhook_claim_due_fair(?1, ?2, ?3, cast(?4 as text[]))")
                    .setParameter(1, merchants).setParameter(2, PER_MERCHANT).setParameter(3, lease).setParameter(4, busy)
                    .getResultList();
            return claimed;
        }));
        Map<String, List<UUID>> byMerchant = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byMerchant.computeIfAbsent((String) row[0], t -> new ArrayList<>()).add((UUID) row[1]);
        }
        return byMerchant;
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
