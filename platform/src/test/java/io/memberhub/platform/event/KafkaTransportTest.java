package io.memberhub.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.plugin.ListenerScenarios;
import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.webhook.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster profile end to end: the relay writes to a real Kafka topic and each consumer kind
 * reads it in its own consumer group. All Kafka tests live here, so the profile costs one boot.
 */
@QuarkusTest
@TestProfile(KafkaTransport.class)
class KafkaTransportTest {

    @Inject
    PluginHost host;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TempDir
    Path build;

    @Test
    void anOrderReachesTheMerchantsWebhookThroughKafka() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Merchant m = Merchants.signUp("kafka-hooks");
            m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks")
                    .then().statusCode(201);
            String member = m.asOwner().body(Map.of("phone", "16600000001")).post("/api/v1/members").then().statusCode(201)
                    .extract().path("id");
            m.asOwner().header("Idempotency-Key", "kafka-1").body(Map.of("memberId", member, "externalId", "kafka-1", "amount", 1_000,
                    "channel", "shop", "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/orders").then().statusCode(201);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            JsonPath body = JsonPath.from(receiver.received().getFirst().body());
            assertThat(body.getString("type")).isEqualTo("OrderRecorded");
            assertThat(body.getString("aggregateId")).isEqualTo(member);
            // Read by the webhook fan-out's own consumer group, which committed its place in the topic.
            await().atMost(Duration.ofSeconds(20)).until(() -> committed("memberhub-webhooks") > 0);
        }
    }

    @Test
    void listenersHearAnUnpublishedEventOnceThoughItIsHandedOnTwice() throws Exception {
        ListenerScenarios.anUnpublishedEventIsHeardOnceThoughHandedOnTwice(host, build);
        await().atMost(Duration.ofSeconds(20)).until(() -> committed("memberhub-plugins") > 0);
    }

    /** The offsets a consumer group committed, summed over the topic's partitions. */
    private long committed(String group) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(offset -> offset == null ? 0 : offset.offset()).sum();
        }
    }
}
