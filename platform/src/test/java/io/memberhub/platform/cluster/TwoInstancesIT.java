package io.memberhub.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.PlatformForTests;
import io.memberhub.platform.market.MarketPackages;
import io.memberhub.platform.plugin.TestPlugins;
import io.memberhub.platform.webhook.Receiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the built platform on one PostgreSQL, Keycloak and market directory, as a
 * deployment runs them (docs/adr/0009, 0010): a nightly job both fire runs once, a plugin published
 * and enabled through one is callable through the other within its poll, and events both relay reach
 * a webhook and a plugin's listener once each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final int A = 0;
    private static final int B = 1;
    private static final String PLUGIN = "cluster-heard";
    /** How often each instance looks for plugins installed elsewhere (the platform's default). */
    private static final Duration CHANGE_POLL = Duration.ofSeconds(3);

    /** Counts each event it hears by id (a list of ids, then a count per id); its route answers the counts. */
    private static final String HEARD = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            import io.memberhub.plugin.api.route.spi.RouteHandler;
            import io.memberhub.plugin.api.route.spi.RouteRequest;
            import io.memberhub.plugin.api.route.spi.RouteResponse;
            public class Heard implements EventListener, RouteHandler {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    String key = "heard:" + event.id();
                    long times = context.storage().get(key).map(Long::parseLong).orElse(0L);
                    context.storage().put(key, String.valueOf(times + 1));
                    if (times == 0) {
                        context.storage().put("events", context.storage().get("events").map(e -> e + ",").orElse("") + event.id());
                    }
                }
                public RouteResponse handle(RouteRequest request, PluginContext context) {
                    StringBuilder json = new StringBuilder("{");
                    for (String id : context.storage().get("events").orElse("").split(",")) {
                        if (!id.isEmpty()) {
                            json.append(json.length() > 1 ? "," : "").append('"').append(id).append("\\":")
                                    .append(context.storage().get("heard:" + id).orElse("0"));
                        }
                    }
                    return RouteResponse.json(200, json.append('}').toString());
                }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MarketJourney cluster;
    private static Receiver receiver;
    private static JsonNode published;

    @TempDir
    static Path build;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        receiver = new Receiver();
        // The daily level review fires every 2 s on both instances: many firings on one day.
        cluster = MarketJourney.startInstances(2, Map.of("memberhub.levels.review-cron", "0/2 * * * * ?",
                "memberhub.plugins.change-poll", CHANGE_POLL.toSeconds() + "s", "memberhub.webhooks.poll", "1s"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void aDailyJobBothInstancesFireRunsOnceADay() throws Exception {
        MarketJourney.Merchant shop = cluster.merchant("Cluster gym");
        shop.callOn(A, "POST", "/api/v1/levels", Map.of("name", "Member", "rank", 0), 201);
        String vip = shop.callOn(B, "POST", "/api/v1/levels", Map.of("name", "VIP", "rank", 5, "prices", Map.of("MONTH", 3_000)), 201)
                .get("id").asText();
        // The ladder's own reviews first: a daily review asked for while one waits would join it.
        await().atMost(Duration.ofSeconds(30)).until(() -> reviews(shop).stream().allMatch(r -> r.get("status").asText().equals("DONE")));
        // A member on a paid level is what makes the merchant need the daily review.
        String member = shop.callOn(A, "POST", "/api/v1/members", Map.of("phone", "13800000001"), 201).get("id").asText();
        shop.callOnce("vip-1", "POST", "/api/v1/members/" + member + "/level/purchases",
                Map.of("levelId", vip, "period", "MONTH", "amount", 3_000, "paidWith", "EXTERNAL", "paymentRef", "wx-1"), 201);

        await().atMost(Duration.ofSeconds(30)).until(() -> dailyReviews(shop).stream().anyMatch(r -> r.get("status").asText().equals("DONE")));
        // Both instances go on firing it that day; each must fire it twice more and pass it over.
        List<Integer> firings = List.of(firings(A), firings(B));
        await().atMost(Duration.ofSeconds(30)).until(() -> firings(A) >= firings.get(A) + 2 && firings(B) >= firings.get(B) + 2);

        Map<String, Long> perDay = dailyReviews(shop).stream().collect(Collectors.groupingBy(
                r -> Instant.parse(r.get("createdAt").asText()).atZone(ZoneOffset.UTC).toLocalDate().toString(), Collectors.counting()));
        assertThat(perDay).as("daily reviews per UTC day").isNotEmpty().allSatisfy((day, reviews) -> assertThat(reviews).isEqualTo(1));
    }

    @Test
    @Order(2)
    void aPluginPublishedAndEnabledThroughOneInstanceIsCallableThroughTheOtherWithinItsPoll() throws Exception {
        assertThat(published().get("status").asText()).isEqualTo("PUBLISHED");
        MarketJourney.Merchant shop = cluster.merchant("Cluster bakery");
        shop.callOn(A, "PUT", "/api/v1/plugins/" + PLUGIN + "/enablement", Map.of("config", Map.of()), 200);

        // B installs it on its next poll; the slack is for a busy machine.
        await().atMost(CHANGE_POLL.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> shop.statusOn(B, "GET", "/api/v1/ext/" + PLUGIN + "/heard") == 200);
        assertThat(shop.callOn(B, "GET", "/api/v1/plugins", null, 200).findValuesAsText("id")).contains(PLUGIN);
    }

    @Test
    @Order(3)
    void eventsBothInstancesRelayReachTheWebhookAndThePluginOnceEach() throws Exception {
        MarketJourney.Merchant shop = cluster.merchant("Cluster grocer");
        String subscription = shop.callOn(A, "POST", "/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes", List.of("MemberRegistered")),
                201).get("id").asText();
        published();
        await().atMost(CHANGE_POLL.plusSeconds(5))
                .until(() -> shop.callOn(B, "GET", "/api/v1/plugins", null, 200).findValuesAsText("id").contains(PLUGIN));
        shop.callOn(B, "PUT", "/api/v1/plugins/" + PLUGIN + "/enablement", Map.of("config", Map.of()), 200);

        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(shop.callOn(i % 2 == 0 ? A : B, "POST", "/api/v1/members", Map.of("phone", String.format("1390000%04d", i)), 201)
                    .get("id").asText());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredFor(members).keySet().containsAll(members)
                && shop.callOn(A, "GET", "/api/v1/webhooks/" + subscription + "/deliveries?status=PENDING", null, 200).isEmpty());
        Map<String, List<String>> delivered = deliveredFor(members);
        assertThat(delivered).as("webhook deliveries per member").allSatisfy((member, events) -> assertThat(events).hasSize(1));

        List<String> events = delivered.values().stream().map(List::getFirst).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> heard(shop).keySet().containsAll(events));
        Map<String, Integer> heard = heard(shop);
        assertThat(events).as("each event heard once by the plugin").allSatisfy(event -> assertThat(heard.get(event)).isEqualTo(1));
        assertThat(heard.values()).as("no event heard twice").allMatch(times -> times == 1);
    }

    /** The listener plugin, published through the market (on instance A) once for the whole class. */
    private static synchronized JsonNode published() throws Exception {
        if (published == null) {
            published = cluster.publish(marketPackage());
        }
        return published;
    }

    /** The merchant's level reviews, newest first, as its review list shows them. */
    private static List<JsonNode> reviews(MarketJourney.Merchant shop) throws IOException, InterruptedException {
        List<JsonNode> reviews = new ArrayList<>();
        shop.callOn(A, "GET", "/api/v1/level-reviews", null, 200).forEach(reviews::add);
        return reviews;
    }

    private static List<JsonNode> dailyReviews(MarketJourney.Merchant shop) throws IOException, InterruptedException {
        return reviews(shop).stream().filter(r -> r.get("reason").asText().equals("daily review")).toList();
    }

    /** How often an instance has fired the daily level review so far, as its log says. */
    private static int firings(int instance) throws IOException {
        PlatformForTests.Instance it = cluster.instances().get(instance);
        return (int) Files.readAllLines(it.log()).stream().filter(line -> line.contains("Job level-review-daily for ")).count();
    }

    /** The event ids of the MemberRegistered deliveries the receiver got, per member. */
    private static Map<String, List<String>> deliveredFor(List<String> members) throws IOException {
        Map<String, List<String>> byMember = new HashMap<>();
        for (Receiver.Received r : receiver.received()) {
            String member = JSON.readTree(r.body()).path("aggregateId").asText();
            if (members.contains(member)) {
                byMember.computeIfAbsent(member, k -> new ArrayList<>()).add(r.headers().get("x-memberhub-event-id"));
            }
        }
        return byMember;
    }

    private static Map<String, Integer> heard(MarketJourney.Merchant shop) throws IOException, InterruptedException {
        Map<String, Integer> heard = new HashMap<>();
        shop.callOn(B, "GET", "/api/v1/ext/" + PLUGIN + "/heard", null, 200).fields()
                .forEachRemaining(e -> heard.put(e.getKey(), e.getValue().asInt()));
        return heard;
    }

    /** The listener plugin as a developer's build makes its market package: manifest.json and plugin.jar. */
    private static byte[] marketPackage() throws IOException {
        byte[] jar = Files.readAllBytes(TestPlugins.build(build, TestPlugins.Spec.of(PLUGIN, "Heard", HEARD)));
        String manifest = """
                {"id": "%s", "name": "Heard", "description": "Counts the events it hears.", "category": "LOYALTY",
                 "version": "1.0.0", "requires": "%s", "permissions": ["storage", "routes"], "config": [], "priceMinor": 0}
                """.formatted(PLUGIN, TestPlugins.Spec.of(PLUGIN, "Heard", HEARD).requires());
        return MarketPackages.zip(manifest, jar, Map.of());
    }
}
