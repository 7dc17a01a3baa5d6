package io.memberhub.platform.plugin;

import static io.memberhub.platform.plugin.MerchantPlugins.enable;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.state;
import static io.memberhub.platform.plugin.MerchantPlugins.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's listener that fails an event (throws, or misses its time limit) does not lose it: it
 * hears it again after a pause, and the event takes effect once; one that keeps failing has it
 * parked, visible to the merchant and brought back by a replay. Each listener keeps, per event,
 * how often it was called ("tries:") and how often it took the event ("took:") in its storage.
 */
@QuarkusTest
class PluginListenerRetryTest {

    /** Throws for a member's registration until its third call with that event. */
    private static final String FLAKY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Flaky implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    if (!event.type().equals("MemberRegistered")) {
                        return;
                    }
                    long tries = context.storage().get("tries:" + event.id()).map(Long::parseLong).orElse(0L) + 1;
                    context.storage().put("tries:" + event.id(), String.valueOf(tries));
                    if (tries < 3) {
                        throw new IllegalStateException("flaky on try " + tries);
                    }
                    long took = context.storage().get("took:" + event.id()).map(Long::parseLong).orElse(0L);
                    context.storage().put("took:" + event.id(), String.valueOf(took + 1));
                }
            }
            """;

    /** Takes a registration only once the file its setting names exists, ignoring interrupts meanwhile: late, not failed. */
    private static final String LATE = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Late implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    if (!event.type().equals("MemberRegistered")) {
                        return;
                    }
                    long tries = context.storage().get("tries:" + event.id()).map(Long::parseLong).orElse(0L) + 1;
                    context.storage().put("tries:" + event.id(), String.valueOf(tries));
                    java.nio.file.Path gate = java.nio.file.Path.of(context.config().get("gate"));
                    while (!java.nio.file.Files.exists(gate)) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException ignored) {
                            // a plugin that will not be stopped
                        }
                    }
                    long took = context.storage().get("took:" + event.id()).map(Long::parseLong).orElse(0L);
                    context.storage().put("took:" + event.id(), String.valueOf(took + 1));
                }
            }
            """;

    /** Fails every registration while its setting says so. */
    private static final String BROKEN = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Broken implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    if (!event.type().equals("MemberRegistered")) {
                        return;
                    }
                    if ("fail".equals(context.config().get("mode"))) {
                        throw new IllegalStateException("broken until fixed");
                    }
                    long took = context.storage().get("took:" + event.id()).map(Long::parseLong).orElse(0L);
                    context.storage().put("took:" + event.id(), String.valueOf(took + 1));
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aListenerThatThrowsTheFirstTimesHearsTheEventAgainAndTakesItOnce() throws IOException {
        String plugin = install(TestPlugins.Spec.of(Merchants.uniqueSlug("flaky"), "Flaky", FLAKY));
        Merchant m = Merchants.signUp("retry-flaky");
        enable(m, plugin, null, Map.of()).statusCode(200);
        String event = registration(m, "15700000001");

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(inbox(m, plugin, event).get("status")));
        assertThat(storage(m, plugin)).containsEntry("tries:" + event, "3").containsEntry("took:" + event, "1");
        assertThat(inbox(m, plugin, event)).containsEntry("attempts", 3);
        assertThat(state(m, plugin).getString("status")).as("two failures do not suspend it").isEqualTo("ENABLED");
        System.out.println("[abuse] plugin listener that threw twice: event taken once on the third try");
    }

    @Test
    void aListenerThatRunsLateIsNotCalledAgainAndTakesTheEventOnce() throws IOException {
        Path gate = build.resolve("gate-" + System.nanoTime());
        String plugin = install(TestPlugins.Spec.of(Merchants.uniqueSlug("late"), "Late", LATE).with("Plugin-Config-Required", "gate"));
        Merchant m = Merchants.signUp("retry-late");
        enable(m, plugin, null, Map.of("gate", gate.toString())).statusCode(200);
        String event = registration(m, "15700000002");

        // The guard stops waiting at the listener limit and notes the event for a retry, which must wait for the call still running.
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETRYING".equals(inbox(m, plugin, event).get("status")));
        assertThat(inbox(m, plugin, event).get("last_error").toString()).contains("no answer within");
        Files.createFile(gate);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(inbox(m, plugin, event).get("status")));
        assertThat(storage(m, plugin)).as("never called a second time beside the late call")
                .containsEntry("tries:" + event, "1").containsEntry("took:" + event, "1");
        assertThat(state(m, plugin).getLong("calls.timeouts")).isEqualTo(1);
        System.out.println("[abuse] plugin listener that ran late: event taken once, no second call");
    }

    @Test
    void aListenerThatKeepsFailingHasTheEventParkedVisiblyAndAReplayBringsItBack() throws IOException {
        String plugin = install(TestPlugins.Spec.of(Merchants.uniqueSlug("broken"), "Broken", BROKEN).with("Plugin-Config-Required", "mode"));
        Merchant m = Merchants.signUp("retry-parked");
        enable(m, plugin, null, Map.of("mode", "fail")).statusCode(200);
        String event = registration(m, "15700000003");

        await().atMost(Duration.ofSeconds(60)).until(() -> "PARKED".equals(inbox(m, plugin, event).get("status")));
        JsonPath backlog = backlog(m, plugin);
        assertThat(backlog.getLong("parked")).isEqualTo(1);
        assertThat(backlog.getLong("retrying")).isZero();
        String parkedSince = backlog.getString("oldestParkedEventAt");
        assertThat(parkedSince).isNotNull();
        assertThat(storage(m, plugin)).doesNotContainKey("took:" + event);

        // The merchant fixes the setting (enabling it again, should its failures have suspended it) and replays.
        enable(m, plugin, null, Map.of("mode", "ok")).statusCode(200);
        m.asOwner().body(Map.of("from", parkedSince)).post("/api/v1/plugins/" + plugin + "/event-replays").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(inbox(m, plugin, event).get("status")));
        assertThat(storage(m, plugin)).containsEntry("took:" + event, "1");
        assertThat(backlog(m, plugin).getLong("parked")).isZero();
        System.out.println("[abuse] plugin listener failing for good: event parked after its retries, replayed once fixed");
    }

    private String install(TestPlugins.Spec spec) throws IOException {
        return host.install(TestPlugins.build(build, spec)).id();
    }

    /** Registers a member and answers the id of its MemberRegistered event. */
    private static String registration(Merchant m, String phone) {
        String member = member(m, phone);
        return TenantSql.query(m.id(), "select id::text as id from outbox_event where type = 'MemberRegistered' and aggregate_id = ?", member)
                .getFirst().get("id").toString();
    }

    private static Map<String, Object> inbox(Merchant m, String plugin, String event) {
        var rows = TenantSql.query(m.id(), "select status, attempts, last_error from plugin_event_inbox where plugin_id = ? and event_id = cast(? as uuid)",
                plugin, event);
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    private static JsonPath backlog(Merchant m, String plugin) {
        return m.asOwner().get("/api/v1/plugins/" + plugin + "/event-replays").then().statusCode(200).extract().jsonPath();
    }
}
