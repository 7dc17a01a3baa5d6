package io.memberhub.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A merchant's receiver that hangs or refuses connections costs the API nothing: the writes that
 * queue deliveries for it answer while a delivery is stuck in the receiver (held on a latch until
 * the test ends, so no timing is asserted), and deliveries to a closed port fail in the background.
 * That failed deliveries are retried and replayable is {@link WebhookTest}'s part.
 */
@QuarkusTest
class WebhookOutageTest {

    private static final int WRITES = 10;

    @Test
    void apiWritesCompleteAndQueueTheirDeliveriesWhileTheReceiverHangs() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.hold();
            Merchant m = Merchants.signUp("hooks-hang");
            m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks").then().statusCode(201);

            WebhookTest.order(m, member(m, "13700880000"), "hang-0");
            assertThat(receiver.awaitFirstRequest(Duration.ofSeconds(30))).as("a delivery reached the receiver and hangs there").isTrue();

            for (int i = 1; i <= WRITES; i++) {
                WebhookTest.order(m, member(m, "1370088%04d".formatted(i)), "hang-" + i);
            }
            // Each write queued its delivery while the receiver still held the first one.
            await().atMost(Duration.ofSeconds(30)).until(() -> TenantSql.query(m.id(), "select 1 from webhook_delivery").size() == WRITES + 1);
            assertThat(receiver.received()).as("the receiver still holds every request it got").isEmpty();
            System.out.println("[abuse] webhook outage: " + 2 * WRITES + " API writes answered and queued " + WRITES
                    + " deliveries while the merchant's receiver hung");
        }
    }

    /**
     * Merchant A's receiver hangs with deliveries queued behind the one it holds (each attempt waits out
     * the 2 s timeout of the test profile); merchant B's delivery, queued after all of them, goes out
     * while A's are still waiting their turn: deliveries were once sent one at a time across merchants.
     */
    @Test
    void anotherMerchantsDeliveriesGoOutWhileOneMerchantsReceiverHangs() throws Exception {
        try (Receiver hanging = new Receiver(); Receiver healthy = new Receiver()) {
            hanging.hold();
            Merchant a = Merchants.signUp("hooks-hang-a");
            a.asOwner().body(Map.of("url", hanging.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks").then().statusCode(201);
            for (int i = 0; i < WRITES; i++) {
                WebhookTest.order(a, member(a, "1370077%04d".formatted(i)), "hang-a-" + i);
            }
            assertThat(hanging.awaitFirstRequest(Duration.ofSeconds(30))).as("A's first delivery reached its receiver and hangs there").isTrue();

            Merchant b = Merchants.signUp("hooks-hang-b");
            b.asOwner().body(Map.of("url", healthy.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks").then().statusCode(201);
            WebhookTest.order(b, member(b, "13700660000"), "healthy-b");
            await().atMost(Duration.ofSeconds(30)).until(() -> !healthy.received().isEmpty());

            List<Map<String, Object>> waiting = TenantSql.query(a.id(), "select 1 from webhook_delivery where attempts = 0");
            assertThat(waiting).as("B's delivery went out before A's queued deliveries were even tried").isNotEmpty();
            assertThat(TenantSql.query(b.id(), "select 1 from webhook_delivery where status = 'DELIVERED'")).hasSize(1);
            System.out.println("[abuse] webhook outage: merchant B's delivery sent while merchant A's receiver hung with "
                    + waiting.size() + " of " + WRITES + " deliveries not yet tried");
        }
    }

    @Test
    void apiWritesCompleteWhileTheReceiverRefusesConnections() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Merchant m = Merchants.signUp("hooks-refused");
        String subscription = m.asOwner().body(Map.of("url", "http://127.0.0.1:" + closedPort + "/hook")).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        for (int i = 1; i <= WRITES; i++) {
            WebhookTest.order(m, member(m, "1370099%04d".formatted(i)), "refused-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !TenantSql.query(m.id(),
                "select 1 from webhook_delivery where subscription_id = cast(? as uuid) and attempts > 0 and last_error is not null",
                subscription).isEmpty());
        assertThat(TenantSql.query(m.id(), "select 1 from webhook_delivery where status = 'DELIVERED'")).isEmpty();
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }
}
