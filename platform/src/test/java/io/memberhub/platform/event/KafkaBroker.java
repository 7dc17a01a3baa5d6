package io.memberhub.platform.event;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real one-node Kafka (KRaft, broker and controller in one) inside the test JVM: there is no Docker here. */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    static final String TOPIC = "memberhub.domain-events";

    /** Held so the levels stay set: the log manager keeps loggers weakly. */
    private static final List<java.util.logging.Logger> QUIET = List.of(java.util.logging.Logger.getLogger("kafka"),
            java.util.logging.Logger.getLogger("org.apache.kafka"));

    private KafkaClusterTestKit kafka;

    @Override
    public Map<String, String> start() {
        // The broker's own INFO lines (thousands) would bury the platform's.
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        try {
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                    .setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            // Two partitions, as a cluster would have more than one: a merchant's events must stay in order all the same.
            try (Admin admin = Admin.create(properties())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
            }
            return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "memberhub.events.topic", TOPIC);
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker did not start", e);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", kafka.bootstrapServers());
        return properties;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (Exception e) {
                throw new IllegalStateException("The test Kafka broker did not stop", e);
            }
        }
    }
}
