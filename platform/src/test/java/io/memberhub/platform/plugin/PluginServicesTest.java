package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.sun.net.httpserver.HttpServer;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services plugins call through their context, driven through a plugin's own REST routes:
 * each route does one service call and answers what it got, or the service's error code.
 */
@QuarkusTest
class PluginServicesTest {

    /** Routes that call the context's services; a service's refusal escapes from the plain routes and is answered by the try- ones. */
    private static final String SERVICES = """
            import io.memberhub.plugin.api.PlatformServiceException;
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.http.OutboundRequest;
            import io.memberhub.plugin.api.route.spi.RouteHandler;
            import io.memberhub.plugin.api.route.spi.RouteRequest;
            import io.memberhub.plugin.api.route.spi.RouteResponse;
            import java.util.UUID;
            public class Services implements RouteHandler {
                public RouteResponse handle(RouteRequest r, PluginContext context) {
                    if (r.path().startsWith("/try-")) {
                        try {
                            return call("/" + r.path().substring(5), r, context);
                        } catch (PlatformServiceException e) {
                            return RouteResponse.json(409, "{\\"code\\":\\"" + e.code() + "\\",\\"message\\":\\"" + e.getMessage() + "\\"}");
                        }
                    }
                    return call(r.path(), r, context);
                }
                private RouteResponse call(String path, RouteRequest r, PluginContext context) {
                    switch (path) {
                        case "/hello":
                            return RouteResponse.json(200, "{\\"tenant\\":\\"" + context.tenant().slug() + "\\",\\"audience\\":\\"" + r.audience()
                                    + "\\",\\"member\\":\\"" + r.memberId() + "\\",\\"role\\":\\"" + r.role() + "\\",\\"body\\":\\"" + r.body()
                                    + "\\",\\"staff\\":\\"" + r.staffId() + "\\",\\"device\\":\\"" + r.deviceId() + "\\"}");
                        case "/grant": {
                            var change = context.points().grant(UUID.fromString(r.queryParam("member")), Long.parseLong(r.queryParam("points")),
                                    "QUIZ_REWARD", r.queryParam("key"));
                            return RouteResponse.json(200, "{\\"balance\\":" + change.balance() + ",\\"replayed\\":" + change.replayed() + "}");
                        }
                        case "/deduct": {
                            var change = context.points().deduct(UUID.fromString(r.queryParam("member")), Long.parseLong(r.queryParam("points")),
                                    "QUIZ_ENTRY", r.queryParam("key"));
                            return RouteResponse.json(200, "{\\"balance\\":" + change.balance() + ",\\"points\\":" + change.points() + "}");
                        }
                        case "/member":
                            return context.members().findByPhone(r.queryParam("phone"))
                                    .map(m -> RouteResponse.json(200, "{\\"id\\":\\"" + m.id() + "\\",\\"name\\":\\"" + m.name()
                                            + "\\",\\"fields\\":\\"" + new java.util.TreeMap<>(m.fields()) + "\\"}"))
                                    .orElse(RouteResponse.json(200, "{}"));
                        case "/coupon": {
                            var coupon = context.coupons().issue(UUID.fromString(r.queryParam("template")), UUID.fromString(r.queryParam("member")),
                                    r.queryParam("key"));
                            return RouteResponse.json(200, "{\\"code\\":\\"" + coupon.code() + "\\",\\"replayed\\":" + coupon.replayed() + "}");
                        }
                        case "/fetch": {
                            var answer = context.http().send(OutboundRequest.get(r.queryParam("url")));
                            return RouteResponse.json(200, "{\\"status\\":" + answer.status() + ",\\"body\\":\\"" + answer.body() + "\\"}");
                        }
                        case "/publish":
                            return RouteResponse.json(200, "{\\"id\\":\\"" + context.events().publish("QuizPassed", "member", r.queryParam("member"),
                                    "{\\"score\\":90}") + "\\"}");
                        case "/levels":
                            return RouteResponse.json(200, "{\\"levels\\":\\"" + context.levels().levels() + "\\"}");
                        case "/level":
                            return context.levels().of(UUID.fromString(r.queryParam("member")))
                                    .map(l -> RouteResponse.json(200, "{\\"level\\":\\"" + (l.level() == null ? "" : l.level().name())
                                            + "\\",\\"atLeast1\\":" + l.atLeast(1) + ",\\"paidLevel\\":\\""
                                            + (l.paidLevel() == null ? "" : l.paidLevel().name()) + "\\",\\"paidUntil\\":\\"" + l.paidUntil() + "\\"}"))
                                    .orElse(RouteResponse.json(200, "{}"));
                        case "/visit":
                            return RouteResponse.json(200, "{\\"recorded\\":" + context.visits().record(UUID.fromString(r.queryParam("member")),
                                    r.queryParam("id"), "lobby", java.time.Instant.parse(r.queryParam("at"))) + "}");
                        case "/code":
                            return RouteResponse.json(200, "{\\"member\\":\\"" + context.memberCodes().verify(r.body()).memberId() + "\\"}");
                        case "/sign":
                            return RouteResponse.json(200, "{\\"signed\\":\\"" + context.memberCodes().sign(r.body()) + "\\",\\"kid\\":\\""
                                    + context.memberCodes().keys().get(0).kid() + "\\"}");
                        case "/merchant":
                            return RouteResponse.json(200, "{\\"name\\":\\"" + context.merchant().name() + "\\",\\"timeZone\\":\\""
                                    + context.merchant().timeZone() + "\\"}");
                        case "/tags":
                            return RouteResponse.json(200, "{\\"tags\\":\\"" + context.tags().of(UUID.fromString(r.queryParam("member"))) + "\\"}");
                        case "/tag":
                            return RouteResponse.json(200, "{\\"changed\\":" + ("off".equals(r.queryParam("do"))
                                    ? context.tags().remove(UUID.fromString(r.queryParam("member")), r.queryParam("tag"))
                                    : context.tags().add(UUID.fromString(r.queryParam("member")), r.queryParam("tag"))) + "}");
                        case "/pay": {
                            var paid = context.wallet().pay(UUID.fromString(r.queryParam("member")), Long.parseLong(r.queryParam("amount")),
                                    "booking-" + r.queryParam("key"), r.queryParam("key"));
                            return RouteResponse.json(200, "{\\"balance\\":" + paid.balance() + ",\\"replayed\\":" + paid.replayed()
                                    + ",\\"read\\":" + context.wallet().balance(paid.memberId()) + "}");
                        }
                        case "/define-type":
                            return RouteResponse.json(200, "{\\"defined\\":" + context.activity().defineType(r.queryParam("type"), "From a plugin") + "}");
                        case "/activity":
                            return RouteResponse.json(200, "{\\"recorded\\":" + context.activity().record(UUID.fromString(r.queryParam("member")),
                                    r.queryParam("type"), java.time.Instant.now().minusSeconds(30), "course-7", "{\\"chapter\\":3}",
                                    r.queryParam("key")) + "}");
                        default:
                            return RouteResponse.notFound();
                    }
                }
            }
            """;

    private static final String ALL_PERMISSIONS = "members:read, points:write, coupons:write, http:outbound, events:publish, levels:read, "
            + "visits:write, tags:write, wallet:write, activity:write, member-codes:verify, data:sign";

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void routesAnswerOnlyForMerchantsThatEnabledThePlugin() throws IOException {
        String plugin = install(ALL_PERMISSIONS);
        Merchant a = Merchants.signUp("routes-a");
        Merchant b = Merchants.signUp("routes-b");
        enable(a, plugin);

        a.asOwner().get("/api/v1/ext/" + plugin + "/merchant").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai")).body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        String ownerUser = a.asOwner().get("/api/v1/staff/me").then().statusCode(200).extract().path("userId");
        a.asOwner().get("/api/v1/ext/" + plugin + "/hello").then().statusCode(200)
                .body("tenant", equalTo(a.slug())).body("audience", equalTo("STAFF")).body("role", equalTo("owner"))
                .body("staff", equalTo(ownerUser)).body("device", equalTo("null"));
        a.asOwner().contentType("text/plain").body("hi").post("/api/v1/ext/" + plugin + "/hello").then().statusCode(200)
                .body("body", equalTo("hi"));
        a.asOwner().get("/api/v1/ext/" + plugin + "/nothing-here").then().statusCode(404).body("code", equalTo("PLUGIN_ROUTE_NOT_FOUND"));
        b.asOwner().get("/api/v1/ext/" + plugin + "/hello").then().statusCode(404).body("code", equalTo("PLUGIN_ROUTE_NOT_FOUND"));

        // A gate of merchant A reaches A's plugin routes with its own credentials, and the plugin is told it is a device.
        Merchants.as(Merchants.gateToken(a, "Front gate")).get("/api/v1/ext/" + plugin + "/hello").then().statusCode(200)
                .body("tenant", equalTo(a.slug())).body("audience", equalTo("STAFF")).body("role", equalTo("device"))
                .body("staff", equalTo("null")).body("device", not(equalTo("null")));

        String phone = "17700000001";
        String memberId = member(a, phone);
        Merchants.as(SmsInbox.memberToken(a, phone)).get("/api/member/ext/" + plugin + "/hello").then().statusCode(200)
                .body("audience", equalTo("MEMBER")).body("member", equalTo(memberId)).body("tenant", equalTo(a.slug()))
                .body("staff", equalTo("null"));
        Merchants.as(SmsInbox.memberToken(b, phone)).get("/api/member/ext/" + plugin + "/hello").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/ext/" + plugin + "/hello").then().statusCode(401);
    }

    @Test
    void pointsGrantedThroughTheContextAreOneLedgerLinePerKey() throws IOException {
        String plugin = install(ALL_PERMISSIONS);
        Merchant m = Merchants.signUp("plugin-points");
        Merchant other = Merchants.signUp("plugin-points-other");
        enable(m, plugin);
        String member = member(m, "17700000011");

        m.asOwner().get("/api/v1/ext/" + plugin + "/grant?member=" + member + "&points=30&key=quiz-1").then().statusCode(200)
                .body("balance", equalTo(30)).body("replayed", equalTo(false));
        m.asOwner().get("/api/v1/ext/" + plugin + "/grant?member=" + member + "&points=30&key=quiz-1").then().statusCode(200)
                .body("balance", equalTo(30)).body("replayed", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-grant?member=" + member + "&points=31&key=quiz-1").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/deduct?member=" + member + "&points=10&key=entry-1").then().statusCode(200)
                .body("balance", equalTo(20)).body("points", equalTo(-10));
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-deduct?member=" + member + "&points=100&key=entry-2").then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_POINTS"));

        m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200).body("balance", equalTo(20))
                .body("consistent", equalTo(true));
        m.asOwner().get("/api/v1/members/" + member + "/points/entries").then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.reason == 'QUIZ_REWARD' }.delta", equalTo(30))
                .body("find { it.reason == 'QUIZ_REWARD' }.sourceType", equalTo("plugin:" + plugin))
                .body("find { it.reason == 'QUIZ_ENTRY' }.delta", equalTo(-10));
        assertThat(TenantSql.events(m.id(), "PluginPointsGranted")).isEqualTo(1);

        // Another merchant's member is not found through this merchant's context.
        String stranger = member(other, "17700000012");
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-grant?member=" + stranger + "&points=5&key=x").then().statusCode(409)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
        other.asOwner().get("/api/v1/members/" + stranger + "/points").then().body("balance", equalTo(0));
    }

    @Test
    void aPluginWithoutThePermissionIsRefusedAndTheFailureRecorded() throws IOException {
        String plugin = install("members:read");
        Merchant m = Merchants.signUp("plugin-no-points");
        enable(m, plugin);
        String member = member(m, "17700000021");

        m.asOwner().get("/api/v1/ext/" + plugin + "/try-grant?member=" + member + "&points=30&key=k").then().statusCode(409)
                .body("code", equalTo("PERMISSION_DENIED")).body("message", containsString("points:write"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/grant?member=" + member + "&points=30&key=k").then().statusCode(503)
                .body("code", equalTo("PLUGIN_UNAVAILABLE"));

        m.asOwner().get("/api/v1/members/" + member + "/points/entries").then().body("$", hasSize(0));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(consecutiveFailures(m, plugin)).isEqualTo(1));
        m.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + plugin + "' }.calls.failures", equalTo(1));
    }

    @Test
    void membersCouponsHttpAndEventsActForTheMerchantOnly() throws IOException {
        String plugin = install(ALL_PERMISSIONS);
        Merchant m = Merchants.signUp("plugin-services");
        enable(m, plugin);
        m.asOwner().body(Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", true)).post("/api/v1/member-fields")
                .then().statusCode(201);
        m.asOwner().body(Map.of("key", "club", "label", "Club", "type", "TEXT")).post("/api/v1/member-fields").then().statusCode(201);
        String member = m.asOwner().body(Map.of("phone", "17700000031", "name", "Li Lei", "fields", Map.of("allergies", "nuts", "club", "chess")))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");

        m.asOwner().get("/api/v1/ext/" + plugin + "/member?phone=177 0000 0031").then().statusCode(200)
                .body("id", equalTo(member)).body("name", equalTo("Li Lei")).body("fields", equalTo("{club=chess}"))
                .body("fields", not(containsString("allergies")));

        String template = m.asOwner().body(Map.of("name", "Quiz prize", "kind", "AMOUNT_OFF", "value", 500, "minSpend", 0, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        String code = m.asOwner().get("/api/v1/ext/" + plugin + "/coupon?template=" + template + "&member=" + member + "&key=prize-1")
                .then().statusCode(200).body("replayed", equalTo(false)).extract().path("code");
        m.asOwner().get("/api/v1/ext/" + plugin + "/coupon?template=" + template + "&member=" + member + "&key=prize-1")
                .then().statusCode(200).body("replayed", equalTo(true)).body("code", equalTo(code));
        m.asOwner().get("/api/v1/members/" + member + "/coupons").then().body("$", hasSize(1)).body("[0].source", equalTo("plugin:" + plugin));

        HttpServer outside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        outside.createContext("/weather", exchange -> {
            byte[] body = "sunny".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        outside.start();
        try {
            m.asOwner().get("/api/v1/ext/" + plugin + "/fetch?url=http://127.0.0.1:" + outside.getAddress().getPort() + "/weather")
                    .then().statusCode(200).body("status", equalTo(200)).body("body", equalTo("sunny"));
        } finally {
            outside.stop(0);
        }
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-fetch?url=ftp://example.com/x").then().statusCode(409)
                .body("code", equalTo("INVALID_ARGUMENT"));

        m.asOwner().get("/api/v1/ext/" + plugin + "/publish?member=" + member).then().statusCode(200);
        assertThat(TenantSql.events(m.id(), plugin + ":QuizPassed")).isEqualTo(1);
        assertThat(TenantSql.query(m.id(), "select cast(payload as text) as p from outbox_event where type = ?", plugin + ":QuizPassed")
                .getFirst().get("p").toString()).contains("\"score\": 90");
    }

    @Test
    void visitsRecordedByAPluginCountTowardLevelsThePluginReads() throws IOException {
        String plugin = install(ALL_PERMISSIONS);
        Merchant m = Merchants.signUp("plugin-levels");
        enable(m, plugin);
        m.asOwner().body(Map.of("name", "Trial", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Regular", "rank", 1, "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 2),
                "prices", Map.of("YEAR", 100_000))).post("/api/v1/levels").then().statusCode(201);
        String member = member(m, "17700000041");
        String at = java.time.Instant.now().minusSeconds(60).toString();

        m.asOwner().get("/api/v1/ext/" + plugin + "/levels").then().statusCode(200)
                .body("levels", equalTo("[LevelInfo[name=Trial, rank=0], LevelInfo[name=Regular, rank=1]]"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/level?member=" + member).then().statusCode(200)
                .body("level", equalTo("Trial")).body("atLeast1", equalTo(false)).body("paidLevel", equalTo(""));
        m.asOwner().get("/api/v1/ext/" + plugin + "/visit?member=" + member + "&id=gate-1&at=" + at).then().body("recorded", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/visit?member=" + member + "&id=gate-1&at=" + at).then().body("recorded", equalTo(false));
        m.asOwner().get("/api/v1/ext/" + plugin + "/level?member=" + member).then().body("level", equalTo("Trial"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/visit?member=" + member + "&id=gate-2&at=" + at).then().body("recorded", equalTo(true));

        m.asOwner().get("/api/v1/ext/" + plugin + "/level?member=" + member).then().body("level", equalTo("Regular")).body("atLeast1", equalTo(true));
        assertThat(TenantSql.events(m.id(), "VisitRecorded")).isEqualTo(2);
        assertThat(TenantSql.query(m.id(), "select external_id from visit order by external_id").stream().map(r -> r.get("external_id")))
                .containsExactly(plugin + ":gate-1", plugin + ":gate-2");
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-visit?member=" + member + "&id=gate-3&at=2999-01-01T00:00:00Z").then().statusCode(409)
                .body("code", equalTo("INVALID_ARGUMENT"));

        String regular = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == 'Regular' }.id");
        m.asOwner().header("Idempotency-Key", "card-1").body(Map.of("levelId", regular, "period", "YEAR", "amount", 100_000, "paidWith", "EXTERNAL",
                "paymentRef", "pos-1")).post("/api/v1/members/" + member + "/level/purchases").then().statusCode(201);
        String until = m.asOwner().get("/api/v1/members/" + member + "/level/purchases").then().extract().path("[0].validUntil");
        m.asOwner().get("/api/v1/ext/" + plugin + "/level?member=" + member).then().body("paidLevel", equalTo("Regular"))
                .body("paidUntil", equalTo(java.time.Instant.parse(until).toString()));

        String noLevels = install("members:read");
        enable(m, noLevels);
        m.asOwner().get("/api/v1/ext/" + noLevels + "/try-level?member=" + member).then().statusCode(409)
                .body("code", equalTo("PERMISSION_DENIED")).body("message", containsString("levels:read"));
        m.asOwner().get("/api/v1/ext/" + noLevels + "/try-visit?member=" + member + "&id=gate-9&at=" + at).then().statusCode(409)
                .body("message", containsString("visits:write"));
    }

    @Test
    void tagsWalletAndActivityActForTheMerchantAsThePlugin() throws IOException {
        String plugin = install(ALL_PERMISSIONS);
        Merchant m = Merchants.signUp("plugin-tags-wallet");
        enable(m, plugin);
        String member = member(m, "17700000051");
        m.asOwner().body(Map.of("name", "Referrer")).post("/api/v1/tags").then().statusCode(201);

        m.asOwner().get("/api/v1/ext/" + plugin + "/tag?member=" + member + "&tag=Referrer").then().statusCode(200).body("changed", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/tag?member=" + member + "&tag=Referrer").then().body("changed", equalTo(false));
        m.asOwner().get("/api/v1/ext/" + plugin + "/tags?member=" + member).then().body("tags", equalTo("[Referrer]"));
        m.asOwner().get("/api/v1/members/" + member + "/tags").then().body("name", org.hamcrest.Matchers.hasItem("Referrer"));
        assertThat(TenantSql.query(m.id(), "select cast(payload as text) as p from outbox_event where type = 'TagAdded'").getFirst().get("p")
                .toString()).contains("plugin:" + plugin);
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-tag?member=" + member + "&tag=Nobody").then().statusCode(409)
                .body("code", equalTo("TAG_NOT_FOUND"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/tag?member=" + member + "&tag=Referrer&do=off").then().body("changed", equalTo(true));

        m.asOwner().header("Idempotency-Key", "top-1").body(Map.of("memberId", member, "externalId", "top-1", "amount", 10_000, "channel", "counter",
                "paidAt", java.time.Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/top-ups").then().statusCode(201);
        m.asOwner().get("/api/v1/ext/" + plugin + "/pay?member=" + member + "&amount=3000&key=b1").then().statusCode(200)
                .body("balance", equalTo(7_000)).body("replayed", equalTo(false)).body("read", equalTo(7_000));
        m.asOwner().get("/api/v1/ext/" + plugin + "/pay?member=" + member + "&amount=3000&key=b1").then().body("balance", equalTo(7_000))
                .body("replayed", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-pay?member=" + member + "&amount=8000&key=b2").then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_BALANCE"));
        m.asOwner().get("/api/v1/members/" + member + "/wallet").then().body("balance", equalTo(7_000)).body("consistent", equalTo(true));

        m.asOwner().get("/api/v1/ext/" + plugin + "/activity?member=" + member + "&type=BROWSE&key=a1").then().statusCode(200)
                .body("recorded", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/activity?member=" + member + "&type=BROWSE&key=a1").then().body("recorded", equalTo(false));
        m.asOwner().get("/api/v1/ext/" + plugin + "/try-activity?member=" + member + "&type=MOON_LANDING&key=a2").then().statusCode(409)
                .body("code", equalTo("UNKNOWN_ACTIVITY_TYPE"));
        m.asOwner().get("/api/v1/members/" + member + "/activity").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].source", equalTo("PLUGIN")).body("items[0].attributes.chapter", equalTo(3));
        m.asOwner().get("/api/v1/ext/" + plugin + "/define-type?type=CHAPTER_FINISHED").then().statusCode(200).body("defined", equalTo(true));
        m.asOwner().get("/api/v1/ext/" + plugin + "/define-type?type=CHAPTER_FINISHED").then().body("defined", equalTo(false));
        m.asOwner().get("/api/v1/activity-types").then().body("name", org.hamcrest.Matchers.hasItem("CHAPTER_FINISHED"));
        m.asOwner().get("/api/v1/ext/" + plugin + "/activity?member=" + member + "&type=CHAPTER_FINISHED&key=a3").then().body("recorded", equalTo(true));

        // Turning a plugin on and off is an event of the merchant's too.
        m.asOwner().delete("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        assertThat(TenantSql.events(m.id(), "PluginEnabled")).isEqualTo(1);
        assertThat(TenantSql.events(m.id(), "PluginDisabled")).isEqualTo(1);
    }

    @Test
    void memberCodesAreVerifiedAndDataSignedWithTheMerchantsKey() throws Exception {
        String plugin = install(ALL_PERMISSIONS);
        Merchant m = Merchants.signUp("plugin-codes");
        Merchant other = Merchants.signUp("plugin-codes-other");
        enable(m, plugin);
        enable(other, plugin);
        String phone = "17700000061";
        String token = SmsInbox.memberToken(m, phone);
        String memberId = Merchants.as(token).get("/api/member/me").then().extract().path("id");
        String code = Merchants.as(token).get("/api/member/me/code").then().statusCode(200).extract().path("code");

        m.asOwner().contentType("text/plain").body(code).post("/api/v1/ext/" + plugin + "/code").then().statusCode(200)
                .body("member", equalTo(memberId));
        other.asOwner().contentType("text/plain").body(code).post("/api/v1/ext/" + plugin + "/try-code").then().statusCode(409)
                .body("code", equalTo("MEMBER_CODE_INVALID"));

        String signed = m.asOwner().contentType("text/plain").body("{\"zone\":\"lobby\",\"members\":[]}")
                .post("/api/v1/ext/" + plugin + "/sign").then().statusCode(200).extract().path("signed");
        String[] parts = signed.split("\\.");
        assertThat(parts[0]).isEqualTo("MHDATA1");
        assertThat(parts[2]).isEqualTo(plugin);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8))
                .isEqualTo("{\"zone\":\"lobby\",\"members\":[]}");
        // A device checks it offline with the merchant's published key, as it checks member codes.
        String publicKey = m.asOwner().get("/api/v1/member-codes/keys").then().statusCode(200)
                .extract().path("find { it.kid == '" + parts[1] + "' }.publicKey");
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
        verifier.update(signed.substring(0, signed.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(java.util.Base64.getUrlDecoder().decode(parts[4]))).isTrue();
        // Signed data never passes as a member code.
        m.asOwner().contentType("text/plain").body(signed).post("/api/v1/ext/" + plugin + "/try-code").then().statusCode(409)
                .body("code", equalTo("MEMBER_CODE_INVALID"));
    }

    private String install(String permissions) throws IOException {
        return host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("services"), "Services", SERVICES)
                .with("Plugin-Permissions", permissions))).id();
    }

    private static void enable(Merchant m, String plugin) {
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static int consecutiveFailures(Merchant m, String plugin) {
        return m.asOwner().get("/api/v1/plugins").then().extract().path("find { it.id == '" + plugin + "' }.consecutiveFailures");
    }
}
