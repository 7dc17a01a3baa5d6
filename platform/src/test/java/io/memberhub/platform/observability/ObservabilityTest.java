package io.memberhub.platform.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.plugin.TestPlugins;
import io.memberhub.platform.webhook.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators see of merchants' calls: metrics per merchant and route, request ids, log context, health. */
@QuarkusTest
class ObservabilityTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final String PAID_AT = Instant.now().minusSeconds(600).toString();
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** Three extra points an order, except for orders whose id starts with FAIL; says so in its own log. */
    private static final String FLAKY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Flaky implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    if (order.externalId().startsWith("FAIL")) {
                        throw new IllegalStateException("no bonus today for " + order.externalId());
                    }
                    java.util.logging.Logger.getLogger("test.plugin.flaky").info("bonus for " + order.externalId());
                    return 3;
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aMerchantsCallsAreCountedAndTimedPerRouteTemplateAndBusinessCountersMoveByWhatHappened() {
        Merchant m = Merchants.signUp("metrics");
        Merchant other = Merchants.signUp("metrics-other");
        String member = member(m);
        long earned = order(m.asOwner(), member, "M-1") + order(m.asOwner(), member, "M-2");
        m.asOwner().get("/api/v1/members/" + member).then().statusCode(200);
        m.asOwner().header("Idempotency-Key", "redeem-1")
                .body(Map.of("memberId", member, "externalId", "R-1", "points", 10, "orderAmount", 10_000))
                .post("/api/v1/points/redemptions").then().statusCode(201);
        // A retry answered from its Idempotency-Key records nothing new.
        order(m.asOwner(), member, "M-2");
        order(other.asOwner(), member(other), "O-1");

        Scrape metrics = Scrape.now();
        Map<String, String> orders = Map.of("uri", "/api/v1/orders", "method", "POST", "status", "201", "tenant", m.id());
        assertThat(metrics.sum("http_server_requests_seconds_count", orders)).isEqualTo(3);
        assertThat(metrics.sum("http_server_requests_seconds_sum", orders)).isPositive();
        assertThat(metrics.matching("http_server_requests_seconds_bucket", orders)).extracting(s -> s.labels().get("le"))
                .contains("0.1", "1.0", "+Inf");
        assertThat(metrics.sum("http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/members/{id}", "method", "GET", "tenant", m.id()))).isEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/orders", "method", "POST", "tenant", other.id()))).isEqualTo(1);
        assertThat(metrics.text).as("route tags are templates, never ids").doesNotContain(member);

        assertThat(metrics.sum("memberhub_orders_recorded_total", Map.of("tenant", m.id()))).isEqualTo(2);
        assertThat(metrics.sum("memberhub_orders_recorded_total", Map.of("tenant", other.id()))).isEqualTo(1);
        assertThat(metrics.sum("memberhub_points_issued_total", Map.of("tenant", m.id()))).isEqualTo(earned);
        assertThat(metrics.sum("memberhub_points_redeemed_total", Map.of("tenant", m.id()))).isEqualTo(10);
        assertThat(metrics.sum("memberhub_points_redeemed_total", Map.of("tenant", other.id()))).isZero();
    }

    @Test
    void pluginCallsAreTimedPerPluginAndExtensionPointAndAFailingPluginLeavesThePlatformReady() throws Exception {
        String plugin = Merchants.uniqueSlug("flaky");
        host.install(TestPlugins.build(build, TestPlugins.Spec.of(plugin, "Flaky", FLAKY)));
        Merchant m = Merchants.signUp("plugin-metrics");
        m.asOwner().body(Map.of("config", Map.of())).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        String member = member(m);

        try (CapturedLogs logs = new CapturedLogs()) {
            order(m.asOwner().header(RequestIds.HEADER, "shop-42.ok"), member, "OK-1");
            order(m.asOwner().header(RequestIds.HEADER, "shop-42.fail"), member, "FAIL-1");

            ExtLogRecord pluginsOwn = logs.containing("bonus for OK-1").getFirst();
            assertThat(pluginsOwn.getMdc("requestId")).isEqualTo("shop-42.ok");
            assertThat(pluginsOwn.getMdc("tenantId")).isEqualTo(m.id());
            ExtLogRecord failure = logs.containing("Plugin " + plugin + " failed").getFirst();
            assertThat(failure.getMdc("requestId")).isEqualTo("shop-42.fail");
            assertThat(failure.getMdc("tenantId")).isEqualTo(m.id());
        }

        Scrape metrics = Scrape.now();
        Map<String, String> calls = Map.of("plugin", plugin, "point", "PointsEarnRule", "tenant", m.id());
        assertThat(metrics.sum("memberhub_plugin_calls_seconds_count", with(calls, "outcome", "ok"))).isEqualTo(1);
        assertThat(metrics.sum("memberhub_plugin_calls_seconds_count", with(calls, "outcome", "failed"))).isEqualTo(1);
        assertThat(metrics.sum("memberhub_plugin_calls_seconds_count", with(calls, "outcome", "timed_out"))).isZero();
        assertThat(metrics.matching("memberhub_plugin_calls_seconds_bucket", with(calls, "outcome", "ok"))).isNotEmpty();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/well").then().statusCode(200).body("checks.find { it.name == 'Keycloak signing keys' }.status", equalTo("UP"));
    }

    @Test
    void everyResponseCarriesARequestIdEchoingAWellFormedOne() {
        assertThat(given().get("/q/health/live").then().statusCode(200).extract().header(RequestIds.HEADER)).matches(UUID_PATTERN);
        given().header(RequestIds.HEADER, "gateway-7f3a:12").get("/q/health/live").then().header(RequestIds.HEADER, "gateway-7f3a:12");
        Merchant m = Merchants.signUp("request-ids");
        m.asOwner().header(RequestIds.HEADER, "console.req_1").get("/api/v1/members").then().statusCode(200)
                .header(RequestIds.HEADER, "console.req_1");
        for (String forged : List.of("two words", "x".repeat(129), "-starts-with-a-dash")) {
            assertThat(given().header(RequestIds.HEADER, forged).get("/q/health/live").then().extract().header(RequestIds.HEADER))
                    .as("instead of %s", forged).matches(UUID_PATTERN);
        }
    }

    @Test
    void webhookDeliveriesAndTheOutboxRelayAreMeasured() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Merchant m = Merchants.signUp("hook-metrics");
            m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("OrderRecorded"))).post("/api/v1/webhooks").then()
                    .statusCode(201);
            order(m.asOwner(), member(m), "H-1");

            await().atMost(Duration.ofSeconds(15)).until(() ->
                    Scrape.now().sum("memberhub_webhook_deliveries_total", Map.of("tenant", m.id(), "outcome", "delivered")) == 1);
        }
        Scrape metrics = Scrape.now();
        assertThat(metrics.sum("memberhub_outbox_lag_seconds_count", Map.of())).isPositive();
        assertThat(metrics.matching("memberhub_outbox_backlog", Map.of())).hasSize(1);
        assertThat(metrics.matching("memberhub_outbox_oldest_age_seconds", Map.of())).hasSize(1);
    }

    @Test
    void metricsAreNotServedThroughAProxy() {
        given().header("X-Forwarded-For", "203.0.113.9").get("/q/metrics").then().statusCode(404);
        given().header("Forwarded", "for=203.0.113.9").get("/q/metrics").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200);
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static String member(Merchant m) {
        return m.asOwner().body(Map.of("phone", String.format("1370042%04d", PHONES.incrementAndGet())))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    /** Records a 20-yuan order (its external id is its Idempotency-Key) and answers the points it earned. */
    private static long order(RequestSpecification as, String memberId, String externalId) {
        return as.header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", 2_000, "channel", "shop", "paidAt", PAID_AT))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath().getLong("pointsEarned");
    }
}
