package io.memberhub.platform.webhook;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.event.ReadAsOf;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.secret.SecretBox;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A merchant's webhook subscriptions and the deliveries made to them. Each event becomes at most one
 * delivery per subscription, however often it is handed on; a delivery is retried with growing
 * pauses and parked as DEAD after too many failures, from where the merchant can replay it.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** In {@link #subscribedTypes}: a subscription to every event type. */
    static final String ALL_TYPES = "*";

    /** What one attempt needs, read in the tenant's transaction and used outside it. */
    record Attempt(UUID id, String url, byte[] secret, UUID eventId, String eventType, String body, int attempts) {
    }

    @Inject
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    WebhookTargets targets;

    public WebhookResponse subscribe(CallContext call, WebhookRequest request) {
        String url = targets.checkedAtSubscription(request.url());
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        em.createNativeQuery("insert into webhook_subscription (tenant_id, id, url, event_types, secret, created_at) "
                        + "values (?1, ?2, ?3, string_to_array(?4, ','), ?5, now())")
                .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, url)
                .setParameter(4, request.eventTypes() == null ? "" : String.join(",", request.eventTypes().stream().map(String::strip).toList()))
                .setParameter(5, secrets.seal(secret.getBytes(StandardCharsets.UTF_8), associated(id)))
                .executeUpdate();
        return withSecret(find(call, id), secret);
    }

    public WebhookResponse rotateSecret(CallContext call, UUID id) {
        find(call, id);
        String secret = newSecret();
        em.createNativeQuery("update webhook_subscription set secret = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, secrets.seal(secret.getBytes(StandardCharsets.UTF_8), associated(id))).executeUpdate();
        return withSecret(find(call, id), secret);
    }

    public void unsubscribe(CallContext call, UUID id) {
        find(call, id);
        em.createNativeQuery("delete from webhook_subscription where id = ?1").setParameter(1, id).executeUpdate();
    }

    public List<WebhookResponse> list(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUBSCRIPTION + " order by created_at").getResultList();
        return rows.stream().map(Webhooks::toSubscription).toList();
    }

    public WebhookResponse find(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUBSCRIPTION + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(Webhooks::toSubscription)
                .orElseThrow(() -> ProblemException.notFound("WEBHOOK_NOT_FOUND", "No webhook subscription " + id));
    }

    /** One delivery per active subscription that wants this event; a repeat of the event adds none. Answers how many were added. */
    /**
     * The event types the merchant's active subscriptions ask for ({@link #ALL_TYPES} for a subscription to
     * every type), with the time of the transaction that read them: {@link WebhookFanOut} skips the events
     * recorded before that time which no subscription asks for.
     */
    public ReadAsOf.Read<Set<String>> subscribedTypes(TenantBound tenant) {
        Object[] row = (Object[]) em.createNativeQuery("select now(), coalesce(string_agg(case when cardinality(event_types) = 0 then '"
                + ALL_TYPES + "' else array_to_string(event_types, ',') end, ','), '') from webhook_subscription where active")
                .getSingleResult();
        String types = (String) row[1];
        return new ReadAsOf.Read<>(types.isEmpty() ? Set.of() : Arrays.stream(types.split(",")).collect(Collectors.toUnmodifiableSet()),
                SqlValues.instant(row[0]));
    }

    /** What {@link #fanOutIfAsked} did: the deliveries it added, and what it read of the subscriptions. */
    record FanOut(int added, ReadAsOf.Read<Set<String>> subscribed) {
    }

    /** {@link #fanOut}, after reading (in the same transaction) whether any subscription asks for the event's type. */
    FanOut fanOutIfAsked(TenantBound tenant, DomainEvent event) {
        ReadAsOf.Read<Set<String>> subscribed = subscribedTypes(tenant);
        return new FanOut(asksFor(subscribed.value(), event) ? fanOut(tenant, event) : 0, subscribed);
    }

    static boolean asksFor(Set<String> types, DomainEvent event) {
        return types.contains(ALL_TYPES) || types.contains(event.type());
    }

    public int fanOut(TenantBound tenant, DomainEvent event) {
        return em.createNativeQuery("insert into webhook_delivery (tenant_id, id, subscription_id, event_id, event_type, payload, status, "
                        + "next_attempt_at, created_at) "
                        + "select s.tenant_id, gen_random_uuid(), s.id, ?1, ?2, cast(?3 as jsonb), 'PENDING', now(), now() "
                        + "from webhook_subscription s where s.active and (cardinality(s.event_types) = 0 or ?2 = any(s.event_types)) "
                        + "on conflict (tenant_id, subscription_id, event_id) do nothing")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, envelope(event))
                .executeUpdate();
    }

    public List<DeliveryResponse> deliveries(CallContext call, UUID subscriptionId, String status) {
        find(call, subscriptionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DELIVERY + " where subscription_id = ?1 and (?2 = '' or status = ?2) "
                        + "order by created_at desc limit 200")
                .setParameter(1, subscriptionId).setParameter(2, status == null ? "" : status.toUpperCase(java.util.Locale.ROOT))
                .getResultList();
        return rows.stream().map(Webhooks::toDelivery).toList();
    }

    /** Sends a delivery again from the start: a DEAD one after the receiver is fixed, or a DELIVERED one the receiver lost. */
    public DeliveryResponse replay(CallContext call, UUID deliveryId) {
        int updated = em.createNativeQuery("update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), "
                        + "last_error = null where id = ?1")
                .setParameter(1, deliveryId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("DELIVERY_NOT_FOUND", "No webhook delivery " + deliveryId);
        }
        return delivery(deliveryId);
    }

    /** The delivery's next attempt, if it is still pending. */
    Optional<Attempt> attempt(TenantBound tenant, UUID deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, s.url, s.secret, d.event_id, d.event_type, cast(d.payload as text), d.attempts "
                        + "from webhook_delivery d join webhook_subscription s on s.tenant_id = d.tenant_id and s.id = d.subscription_id "
                        + "where d.id = ?1 and d.status = 'PENDING'")
                .setParameter(1, deliveryId).getResultList();
        return rows.stream().findFirst().map(r -> {
            UUID subscription = subscriptionOf(deliveryId);
            return new Attempt((UUID) r[0], (String) r[1], secrets.open((String) r[2], associated(subscription)), (UUID) r[3],
                    (String) r[4], (String) r[5], ((Number) r[6]).intValue());
        });
    }

    void delivered(TenantBound tenant, UUID deliveryId, int status) {
        em.createNativeQuery("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status = ?2, "
                        + "last_error = null, delivered_at = now() where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, status).executeUpdate();
    }

    /** A failed attempt: due again after a pause that doubles each time, or DEAD after the last allowed attempt. */
    void failed(TenantBound tenant, UUID deliveryId, Integer status, String error, int maxAttempts, Duration firstPause) {
        em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, last_status = ?2, last_error = ?3, "
                        + "status = case when attempts + 1 >= ?4 then 'DEAD' else 'PENDING' end, "
                        + "next_attempt_at = now() + make_interval(secs => ?5 * power(2, least(attempts, 16))) where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, status).setParameter(3, error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .setParameter(4, maxAttempts).setParameter(5, (double) firstPause.toMillis() / 1000.0)
                .executeUpdate();
    }

    private UUID subscriptionOf(UUID deliveryId) {
        return (UUID) em.createNativeQuery("select subscription_id from webhook_delivery where id = ?1").setParameter(1, deliveryId).getSingleResult();
    }

    private DeliveryResponse delivery(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DELIVERY + " where id = ?1").setParameter(1, id).getResultList();
        return toDelivery(rows.getFirst());
    }

    private static String envelope(DomainEvent event) {
        return "{\"id\":\"" + event.id() + "\",\"type\":\"" + event.type() + "\",\"occurredAt\":\"" + event.createdAt()
                + "\",\"aggregateType\":\"" + event.aggregateType() + "\",\"aggregateId\":\"" + event.aggregateId()
                + "\",\"data\":" + event.payloadJson() + "}";
    }

    /** The signing secret as the merchant sees it; its UTF-8 bytes are the HMAC key. */
    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String associated(UUID subscription) {
        return "webhook:" + subscription;
    }

    private static WebhookResponse withSecret(WebhookResponse subscription, String secret) {
        return new WebhookResponse(subscription.id(), subscription.url(), subscription.eventTypes(), subscription.active(),
                subscription.createdAt(), secret);
    }

    private static final String SUBSCRIPTION = "select id, url, array_to_string(event_types, ','), active, created_at from webhook_subscription";
    private static final String DELIVERY = "select id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, last_status, "
            + "last_error, created_at, delivered_at from webhook_delivery";

    private static WebhookResponse toSubscription(Object[] r) {
        String types = (String) r[2];
        return new WebhookResponse((UUID) r[0], (String) r[1], types == null || types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
                (Boolean) r[3], SqlValues.instant(r[4]), null);
    }

    private static DeliveryResponse toDelivery(Object[] r) {
        return new DeliveryResponse((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], ((Number) r[5]).intValue(),
                SqlValues.instant(r[6]), r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8], SqlValues.instant(r[9]),
                SqlValues.instant(r[10]));
    }
}
