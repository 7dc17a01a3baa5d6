package io.memberhub.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A merchant's systems hear about events through signed webhooks that survive a receiver being down. */
@QuarkusTest
class WebhookTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Test
    void eventsArriveSignedAtTheMerchantsReceiverAndOnlyThatMerchantsEvents() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Merchant m = Merchants.signUp("hooks");
            Merchant other = Merchants.signUp("hooks-other");
            String secret = m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded")))
                    .post("/api/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract().path("secret");
            String subscription = m.asOwner().get("/api/v1/webhooks").then().statusCode(200).extract().path("[0].id");
            m.asOwner().get("/api/v1/webhooks").then().body("[0].secret", equalTo(null));

            order(other, member(other), "other-1");
            String member = member(m);
            order(m, member, "hooks-1");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 1);

            Receiver.Received delivery = receiver.received().getFirst();
            assertThat(delivery.headers().get("x-memberhub-event")).isEqualTo("OrderRecorded");
            JsonPath body = JsonPath.from(delivery.body());
            assertThat(body.getString("type")).isEqualTo("OrderRecorded");
            assertThat(body.getString("aggregateId")).isEqualTo(member);
            String[] signature = delivery.headers().get("x-memberhub-signature").split(",");
            String t = signature[0].substring(2);
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(60);
            assertThat(signature[1]).isEqualTo("v1=" + WebhookSignature.hmac(secret.getBytes(StandardCharsets.UTF_8), t + "." + delivery.body()));

            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                    m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries").then().extract().path("[0].status")));
            m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries").then().body("[0].lastStatus", equalTo(200))
                    .body("size()", equalTo(1));
        }
    }

    @Test
    void aFailingReceiverIsRetriedThenParkedAndAReplayDeliversTheSameEvent() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(500);
            Merchant m = Merchants.signUp("hooks-retry");
            String subscription = m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            order(m, member(m), "retry-1");

            await().atMost(Duration.ofSeconds(20)).until(() -> !m.asOwner().queryParam("status", "DEAD")
                    .get("/api/v1/webhooks/" + subscription + "/deliveries").then().extract().jsonPath().getList("$").isEmpty());
            JsonPath dead = m.asOwner().queryParam("status", "DEAD").get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().extract().jsonPath();
            assertThat(dead.getInt("[0].attempts")).isEqualTo(3);
            assertThat(dead.getInt("[0].lastStatus")).isEqualTo(500);
            String eventId = dead.getString("[0].eventId");
            assertThat(receiver.received()).hasSize(3).allMatch(r -> r.headers().get("x-memberhub-event-id").equals(eventId));

            receiver.answer(204);
            m.asOwner().post("/api/v1/webhooks/deliveries/" + dead.getString("[0].id") + "/replay").then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 4);
            assertThat(receiver.received().getLast().headers().get("x-memberhub-event-id")).isEqualTo(eventId);
        }
    }

    @Test
    void anEventHandedOnAgainIsDeliveredOnce() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Merchant m = Merchants.signUp("hooks-once");
            m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks").then().statusCode(201);
            order(m, member(m), "once-1");
            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 1);

            // As if the relay had crashed after handing the event on but before marking it published.
            TenantSql.updateAsOwner(m.id(), "update outbox_event set published_at = null where type = 'OrderRecorded'");
            await().atMost(Duration.ofSeconds(15)).until(() -> TenantSql.query(m.id(),
                    "select 1 from outbox_event where type = 'OrderRecorded' and published_at is null").isEmpty());
            assertThat(TenantSql.query(m.id(), "select count(*) as n from webhook_delivery").getFirst().get("n")).isEqualTo(1L);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static String member(Merchant m) {
        return m.asOwner().body(Map.of("phone", String.format("1380015%04d", PHONES.incrementAndGet())))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    static void order(Merchant m, String memberId, String externalId) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", 1_000, "channel", "shop",
                        "paidAt", Instant.now().minusSeconds(60).toString(),
                        "items", List.of(Map.of("name", "Item", "category", "dairy", "quantity", 1, "amount", 1_000))))
                .post("/api/v1/orders").then().statusCode(201);
    }
}
