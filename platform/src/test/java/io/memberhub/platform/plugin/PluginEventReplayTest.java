package io.memberhub.platform.plugin;

import static io.memberhub.platform.plugin.ListenerScenarios.heard;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merchant hands its events to a plugin again (a plugin catching up), past the inbox that normally hands each one once. */
@QuarkusTest
class PluginEventReplayTest {

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aReplayHandsTheMerchantsDeliveredEventsToThePluginAgainAndNobodyElses() throws IOException {
        String plugin = install("replayed");
        Merchant m = Merchants.signUp("replay");
        Merchant other = Merchants.signUp("replay-other");
        enable(m, plugin);
        enable(other, plugin);
        Instant from = Instant.now();
        member(m, "15600000001");
        member(other, "15600000002");
        String event = lastHeard(m, plugin, "MemberRegistered");
        String othersEvent = lastHeard(other, plugin, "MemberRegistered");
        await().atMost(Duration.ofSeconds(15)).until(() -> TenantSql.query(m.id(),
                "select 1 from outbox_event where created_at >= ? and published_at is null", since(from)).isEmpty());
        long since = TenantSql.query(m.id(), "select 1 from outbox_event where created_at >= ?", since(from)).size();

        m.asOwner().body(Map.of("from", from.toString())).post("/api/v1/plugins/" + plugin + "/event-replays").then()
                .statusCode(202).body("pluginId", equalTo(plugin)).body("queued", equalTo((int) since));

        await().atMost(Duration.ofSeconds(15)).until(() -> heard(m, plugin, event) == 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> m.asOwner().get("/api/v1/plugins/" + plugin + "/event-replays")
                .then().statusCode(200).extract().jsonPath().getLong("waiting") == 0);
        assertThat(heard(m, plugin, event)).as("handed on once more, not more").isEqualTo(2);
        assertThat(heard(other, plugin, othersEvent)).as("the other merchant's events stay delivered once").isEqualTo(1);
    }

    @Test
    void aBadReplayRequestIsRefusedAndQueuesNothing() throws IOException {
        String plugin = install("replay-refused");
        Merchant m = Merchants.signUp("replay-bad");
        String path = "/api/v1/plugins/" + plugin + "/event-replays";
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();

        m.asOwner().body(Map.of("from", yesterday)).post(path).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("PLUGIN_NOT_LISTENING"));
        enable(m, plugin);
        member(m, "15600000003");
        lastHeard(m, plugin, "MemberRegistered");
        m.asOwner().body(Map.of()).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("from"));
        m.asOwner().body(Map.of("from", Instant.now().plus(Duration.ofDays(1)).toString())).post(path).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        m.asOwner().body(Map.of("from", "last week")).post(path).then().statusCode(400).body("code", equalTo("INVALID_FIELD_TYPE"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("from", yesterday)).post(path).then().statusCode(403);

        assertThat(TenantSql.query(m.id(), "select 1 from plugin_event_replay")).isEmpty();
    }

    private String install(String prefix) throws IOException {
        return host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug(prefix), "Counting",
                ListenerScenarios.COUNTING))).id();
    }

    private static void enable(Merchant m, String plugin) {
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
    }

    private static OffsetDateTime since(Instant from) {
        return from.atOffset(ZoneOffset.UTC);
    }

    /** The id of the last event of this type the plugin heard for the merchant, once it heard one. */
    private static String lastHeard(Merchant m, String plugin, String type) {
        await().atMost(Duration.ofSeconds(15)).until(() -> storage(m, plugin).containsKey("last:" + type));
        return storage(m, plugin).get("last:" + type).toString();
    }
}
