package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static io.memberhub.platform.plugin.MerchantPlugins.BASE_POINTS;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.order;
import static io.memberhub.platform.plugin.MerchantPlugins.state;
import static io.memberhub.platform.plugin.MerchantPlugins.storage;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.plugin.api.PluginApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class PluginHostTest {

    /** Extra points from the merchant's configuration; counts the merchant's orders in its storage. */
    private static final String BONUS = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Bonus implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    long seen = context.storage().get("orders").map(Long::parseLong).orElse(0L);
                    context.storage().put("orders", String.valueOf(seen + 1));
                    return Long.parseLong(context.config().get("perOrder"));
                }
            }
            """;

    private static final String THROWING = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Throwing implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    throw new IllegalStateException("boom for " + order.externalId());
                }
            }
            """;

    /** Waits for ever, until interrupted. */
    private static final String HANGING = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Hanging implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) throws Exception {
                    new java.util.concurrent.CountDownLatch(1).await();
                    return 1_000;
                }
            }
            """;

    /** Answers after three seconds whatever happens: ignores interrupts. */
    private static final String SLOW = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Slow implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    long until = System.nanoTime() + 3_000_000_000L;
                    while (System.nanoTime() < until) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ignored) {
                        }
                    }
                    return 1_000;
                }
            }
            """;

    /** Keeps the aggregate id of the last event of each type in its storage. */
    private static final String LISTENER = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Listener implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    context.storage().put("last:" + event.type(), event.aggregateId());
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aPluginEnabledByOneMerchantEarnsNothingForAnother() throws IOException {
        String bonus = install(TestPlugins.Spec.of(Merchants.uniqueSlug("bonus"), "Bonus", BONUS).with("Plugin-Config-Required", "perOrder"));
        Merchant a = Merchants.signUp("plugin-a");
        Merchant b = Merchants.signUp("plugin-b");
        a.asOwner().body(Map.of("config", Map.of("perOrder", "7"))).put("/api/v1/plugins/" + bonus + "/enablement")
                .then().statusCode(200).body("status", equalTo("ENABLED")).body("config.perOrder", equalTo("7"));

        assertThat(order(a, member(a, "15500000001"), "A-1")).isEqualTo(BASE_POINTS + 7);
        assertThat(order(b, member(b, "15500000002"), "B-1")).isEqualTo(BASE_POINTS);

        assertThat(state(b, bonus).getString("status")).isEqualTo("DISABLED");
        assertThat(state(b, bonus).getLong("calls.total")).isZero();
        assertThat(state(a, bonus).getLong("calls.total")).isEqualTo(1);
        assertThat(storage(a, bonus)).containsEntry("orders", "1");
        assertThat(storage(b, bonus)).isEmpty();
    }

    @Test
    void disablingAndEnablingAgainTakeEffectAtOnce() throws IOException {
        String bonus = install(TestPlugins.Spec.of(Merchants.uniqueSlug("bonus"), "Bonus", BONUS).with("Plugin-Config-Required", "perOrder"));
        Merchant m = Merchants.signUp("plugin-toggle");
        String member = member(m, "15500000011");
        m.asOwner().body(Map.of("config", Map.of("perOrder", "5"))).put("/api/v1/plugins/" + bonus + "/enablement").then().statusCode(200);
        assertThat(order(m, member, "T-1")).isEqualTo(BASE_POINTS + 5);

        m.asOwner().delete("/api/v1/plugins/" + bonus + "/enablement").then().statusCode(200).body("status", equalTo("DISABLED"));
        assertThat(order(m, member, "T-2")).isEqualTo(BASE_POINTS);

        m.asOwner().body(Map.of("config", Map.of("perOrder", "9"))).put("/api/v1/plugins/" + bonus + "/enablement").then().statusCode(200);
        assertThat(order(m, member, "T-3")).isEqualTo(BASE_POINTS + 9);
        m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                .body("balance", equalTo((int) (3 * BASE_POINTS + 5 + 9)));
    }

    @Test
    void configurationIsCheckedAgainstWhatThePluginDeclares() throws IOException {
        String bonus = install(TestPlugins.Spec.of(Merchants.uniqueSlug("bonus"), "Bonus", BONUS)
                .with("Plugin-Config-Required", "perOrder").with("Plugin-Config-Optional", "note"));
        Merchant m = Merchants.signUp("plugin-config");

        m.asOwner().body(Map.of("config", Map.of("note", "hi"))).put("/api/v1/plugins/" + bonus + "/enablement")
                .then().statusCode(422).body("code", equalTo("PLUGIN_CONFIG_INVALID")).body("errors.field", hasItem("config.perOrder"));
        m.asOwner().body(Map.of("config", Map.of("perOrder", "1", "apiKey", "x"))).put("/api/v1/plugins/" + bonus + "/enablement")
                .then().statusCode(422).body("errors.field", hasItem("config.apiKey"));
        m.asOwner().body(Map.of("config", Map.of())).put("/api/v1/plugins/no-such-plugin/enablement")
                .then().statusCode(404).body("code", equalTo("PLUGIN_NOT_FOUND"));
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("config", Map.of("perOrder", "1")))
                .put("/api/v1/plugins/" + bonus + "/enablement").then().statusCode(403);

        assertThat(state(m, bonus).getString("status")).isEqualTo("DISABLED");
    }

    @Test
    void throwingHangingAndSlowPluginsNeitherBreakNorHoldUpOrdersAndAreSuspended() throws IOException {
        String throwing = install(TestPlugins.Spec.of(Merchants.uniqueSlug("throwing"), "Throwing", THROWING));
        String hanging = install(TestPlugins.Spec.of(Merchants.uniqueSlug("hanging"), "Hanging", HANGING));
        String slow = install(TestPlugins.Spec.of(Merchants.uniqueSlug("slow"), "Slow", SLOW));
        Merchant m = Merchants.signUp("plugin-broken");
        for (String plugin : List.of(throwing, hanging, slow)) {
            m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        }
        String member = member(m, "15500000021");

        for (int i = 1; i <= 5; i++) {
            long started = System.nanoTime();
            assertThat(order(m, member, "X-" + i)).as("order %d earns the base points only", i).isEqualTo(BASE_POINTS);
            // The three plugins are waited for together, 500 ms at most; the slow one would take 3 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(state(m, throwing).getString("status")).isEqualTo("SUSPENDED");
            assertThat(state(m, hanging).getString("status")).isEqualTo("SUSPENDED");
            assertThat(state(m, slow).getString("status")).isEqualTo("SUSPENDED");
        });
        JsonPath thrown = state(m, throwing);
        assertThat(thrown.getString("suspendedReason")).contains("5 failures in a row").contains("IllegalStateException: boom for X-");
        assertThat(thrown.getLong("calls.failures")).isEqualTo(5);
        assertThat(state(m, hanging).getString("suspendedReason")).contains("no answer within 500 ms");
        assertThat(state(m, slow).getLong("calls.timeouts")).isEqualTo(5);
        // Each suspension is announced once, for the merchant's webhooks and other plugins.
        assertThat(TenantSql.query(m.id(), "select aggregate_id from outbox_event where type = 'PluginSuspended'").stream()
                .map(r -> r.get("aggregate_id"))).containsExactlyInAnyOrder(throwing, hanging, slow);

        // Suspended plugins are not called: the next order is quick and counts no more calls.
        assertThat(order(m, member, "X-6")).isEqualTo(BASE_POINTS);
        assertThat(state(m, hanging).getLong("calls.total")).isEqualTo(5);

        // Enabling again lifts the suspension.
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + throwing + "/enablement").then().statusCode(200)
                .body("status", equalTo("ENABLED")).body("consecutiveFailures", equalTo(0));
    }

    @Test
    void aPluginForAnotherPluginApiIsRefusedWithTheReason() throws IOException {
        String id = Merchants.uniqueSlug("future");
        Path jar = TestPlugins.build(build, TestPlugins.Spec.of(id, "Bonus", BONUS).requiring(">=2.0.0"));

        assertThatThrownBy(() -> host.install(jar))
                .isInstanceOf(ProblemException.class)
                .hasMessage("Plugin " + id + " 1.0.0 requires plugin-api >=2.0.0; this platform provides plugin-api " + PluginApi.VERSION);
        Merchant m = Merchants.signUp("plugin-refused");
        assertThat(m.asOwner().get("/api/v1/plugins").then().statusCode(200).extract().jsonPath().getList("id")).doesNotContain(id);
    }

    @Test
    void listenersHearTheirMerchantsCommittedEventsOnly() throws IOException {
        String listener = install(TestPlugins.Spec.of(Merchants.uniqueSlug("listener"), "Listener", LISTENER));
        Merchant a = Merchants.signUp("plugin-events-a");
        Merchant b = Merchants.signUp("plugin-events-b");
        a.asOwner().body(Map.of()).put("/api/v1/plugins/" + listener + "/enablement").then().statusCode(200);

        String memberB = member(b, "15500000032");
        order(b, memberB, "EB-1");
        String memberA = member(a, "15500000031");
        order(a, memberA, "EA-1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(storage(a, listener))
                .containsEntry("last:MemberRegistered", memberA)
                .containsEntry("last:OrderRecorded", memberA));
        assertThat(storage(b, listener)).isEmpty();
    }

    @Test
    void listenersHearAnUnpublishedEventOnceThoughItIsHandedOnTwice() throws IOException {
        ListenerScenarios.anUnpublishedEventIsHeardOnceThoughHandedOnTwice(host, build);
    }

    private String install(TestPlugins.Spec spec) throws IOException {
        return host.install(TestPlugins.build(build, spec)).id();
    }
}
