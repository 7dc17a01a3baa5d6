package io.memberhub.platform.plugin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.time.Instant;
import io.memberhub.plugin.api.level.spi.MetricWindow;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access policies, the SMS sender, console pages, level metrics and benefits contributed by plugins, per merchant. */
@QuarkusTest
class PluginExtensionPointsTest {

    /** Denies the zone the merchant configured. */
    private static final String ZONE_POLICY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.access.spi.AccessDecision;
            import io.memberhub.plugin.api.access.spi.AccessPolicy;
            import io.memberhub.plugin.api.access.spi.AccessRequest;
            public class ZonePolicy implements AccessPolicy {
                public AccessDecision decide(AccessRequest request, PluginContext context) {
                    return request.zone().equals(context.config().get("closedZone"))
                            ? AccessDecision.deny("The " + request.zone() + " is for VIP members") : AccessDecision.allow();
                }
            }
            """;

    private static final String HANGING_POLICY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.access.spi.AccessDecision;
            import io.memberhub.plugin.api.access.spi.AccessPolicy;
            import io.memberhub.plugin.api.access.spi.AccessRequest;
            public class HangingPolicy implements AccessPolicy {
                public AccessDecision decide(AccessRequest request, PluginContext context) throws Exception {
                    new java.util.concurrent.CountDownLatch(1).await();
                    return AccessDecision.allow();
                }
            }
            """;

    /**
     * A gate plugin: its own policy refuses everyone (so the test sees it is not asked on its own
     * behalf); its routes ask the other policies, name the calling device, page through levels and
     * write a check-in once.
     */
    private static final String GATE = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.access.spi.AccessDecision;
            import io.memberhub.plugin.api.access.spi.AccessPolicy;
            import io.memberhub.plugin.api.access.spi.AccessRequest;
            import io.memberhub.plugin.api.route.spi.RouteHandler;
            import io.memberhub.plugin.api.route.spi.RouteRequest;
            import io.memberhub.plugin.api.route.spi.RouteResponse;
            import java.util.Map;
            import java.util.UUID;
            public class Gate implements RouteHandler, AccessPolicy {
                public AccessDecision decide(AccessRequest request, PluginContext context) {
                    return AccessDecision.deny("the gate plugin's own policy");
                }
                public RouteResponse handle(RouteRequest r, PluginContext context) {
                    switch (r.path()) {
                        case "/check": {
                            var d = context.access().decide(UUID.fromString(r.queryParam("member")), r.queryParam("zone"), r.deviceId(), false);
                            boolean first = context.tables().insertIfAbsent("gatekeeper_check",
                                    Map.of("event_id", r.queryParam("event"), "member_id", r.queryParam("member"), "verdict", d.verdict().name()));
                            return RouteResponse.json(200, "{\\"verdict\\":\\"" + d.verdict() + "\\",\\"reason\\":\\"" + d.reason()
                                    + "\\",\\"device\\":\\"" + r.deviceId() + "\\",\\"first\\":" + first + "}");
                        }
                        case "/newest":
                            return RouteResponse.json(200, "{\\"event\\":\\"" + context.tables().select("gatekeeper_check", Map.of(),
                                    "event_id desc", 1).get(0).get("event_id") + "\\"}");
                        case "/members": {
                            StringBuilder out = new StringBuilder();
                            UUID after = null;
                            for (var page = context.levels().members(null, 2); !page.isEmpty();
                                 page = context.levels().members(after, 2)) {
                                for (var m : page) {
                                    out.append(out.length() == 0 ? "" : ",").append(m.level() == null ? "-" : m.level().name());
                                    after = m.memberId();
                                }
                            }
                            return RouteResponse.json(200, "{\\"levels\\":\\"" + out + "\\"}");
                        }
                        default:
                            return RouteResponse.notFound();
                    }
                }
            }
            """;

    /** A gateway that "delivers" into the plugin's storage, where the test reads the text as a phone would. */
    private static final String SMS_GATEWAY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.message.SmsMessage;
            import io.memberhub.plugin.api.message.SmsSender;
            public class Gateway implements SmsSender {
                public void send(SmsMessage message, PluginContext context) {
                    context.storage().put("sms:" + message.phone(), context.config().get("signature") + " " + message.text());
                }
            }
            """;

    /** One class contributing a console page, a level metric and a benefit. */
    private static final String COURSES = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.benefit.spi.BenefitType;
            import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
            import io.memberhub.plugin.api.console.spi.ConsoleContribution;
            import io.memberhub.plugin.api.console.spi.ConsoleField;
            import io.memberhub.plugin.api.console.spi.ConsolePage;
            import io.memberhub.plugin.api.console.spi.ConsoleWidget;
            import io.memberhub.plugin.api.level.spi.LevelConditionType;
            import io.memberhub.plugin.api.level.spi.MetricWindow;
            import java.util.List;
            import java.util.UUID;
            public class Courses implements ConsoleContribution, LevelConditionType, BenefitType {
                public List<ConsolePage> pages(PluginContext context) {
                    return List.of(new ConsolePage("/courses", "Courses", List.of(new ConsoleWidget(ConsoleWidget.Kind.TABLE, "All courses",
                            "/courses", List.of(new ConsoleField("title", "Title", "TEXT", true), new ConsoleField("price", "Price", "MONEY", true))))));
                }
                public String metric() {
                    return "COURSE_PURCHASES";
                }
                public String description() {
                    return "Courses bought";
                }
                public long value(UUID memberId, MetricWindow window, PluginContext context) {
                    return 3;
                }
                public List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) {
                    return List.of(new MemberBenefit("FREE_TRIAL_LESSON", "Free trial lesson", "One a month", null));
                }
            }
            """;

    /** Student numbers: S and 7 digits; the plugin refuses anything else in its own words. */
    private static final String STUDENT_NUMBERS = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.field.spi.MemberFieldType;
            public class StudentNumbers implements MemberFieldType {
                public String type() {
                    return "STUDENT_NUMBER";
                }
                public String description() {
                    return "School student number: S and 7 digits";
                }
                public String rejection(String value, PluginContext context) {
                    return value.matches("S[0-9]{7}") ? null : "is not a student number (S and 7 digits, e.g. S1234567)";
                }
            }
            """;

    @Inject
    PluginHost host;

    @Inject
    PluginLevelMetrics levelMetrics;

    @TempDir
    Path build;

    @Test
    void anAccessPolicyDeniesItsZoneForTheMerchantThatEnabledItOnly() throws IOException {
        String policy = install(TestPlugins.Spec.of(Merchants.uniqueSlug("zones"), "ZonePolicy", ZONE_POLICY)
                .with("Plugin-Config-Required", "closedZone"));
        Merchant a = Merchants.signUp("access-a");
        Merchant b = Merchants.signUp("access-b");
        a.asOwner().body(Map.of("config", Map.of("closedZone", "vip-lounge"))).put("/api/v1/plugins/" + policy + "/enablement")
                .then().statusCode(200);
        String memberA = member(a, "17800000001");
        String memberB = member(b, "17800000002");

        decide(a.asOwner(), memberA, "vip-lounge", false).statusCode(200)
                .body("decision", equalTo("DENY")).body("reason", equalTo("The vip-lounge is for VIP members"))
                .body("policies[0].pluginId", equalTo(policy)).body("policies[0].verdict", equalTo("DENY"));
        decide(a.asOwner(), memberA, "lobby", false).statusCode(200).body("decision", equalTo("ALLOW"));
        decide(b.asOwner(), memberB, "vip-lounge", false).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("policies", hasSize(0));

        // A gate of merchant A asks with its own credentials; another merchant's member is unknown to it.
        var device = a.asOwner().body(Map.of("name", "Lounge gate", "kind", "GATE")).post("/api/v1/devices").then().statusCode(201)
                .extract().jsonPath();
        String gate = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", device.getString("clientId")).formParam("client_secret", device.getString("clientSecret"))
                .post(device.getString("tokenUrl")).then().statusCode(200).extract().path("access_token");
        decide(Merchants.as(gate), memberA, "vip-lounge", false).statusCode(200).body("decision", equalTo("DENY"));
        decide(Merchants.as(gate), memberB, "lobby", false).statusCode(404).body("code", equalTo("MEMBER_NOT_FOUND"));
        decide(a.asOwner(), memberA, "../etc", false).statusCode(400);
    }

    @Test
    void aHangingPolicyHoldsTheDecisionNoLongerThanTheTimeLimit() throws IOException {
        String hanging = install(TestPlugins.Spec.of(Merchants.uniqueSlug("hanging-policy"), "HangingPolicy", HANGING_POLICY));
        Merchant m = Merchants.signUp("access-hang");
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + hanging + "/enablement").then().statusCode(200);
        String member = member(m, "17800000011");

        long started = System.nanoTime();
        decide(m.asOwner(), member, "entrance", false).statusCode(200).body("decision", equalTo("ALLOW"))
                .body("policies[0].verdict", equalTo("NO_ANSWER"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));

        started = System.nanoTime();
        decide(m.asOwner(), member, "pt-area", true).statusCode(200).body("decision", equalTo("DENY"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void loginCodesGoThroughTheMerchantsGatewayPluginAndOthersThroughThePlatformSender() throws IOException {
        String gateway = install(TestPlugins.Spec.of(Merchants.uniqueSlug("sms-gateway"), "Gateway", SMS_GATEWAY)
                .with("Plugin-Config-Required", "signature"));
        Merchant a = Merchants.signUp("sms-a");
        Merchant b = Merchants.signUp("sms-b");
        a.asOwner().body(Map.of("config", Map.of("signature", "【Fresh】"))).put("/api/v1/plugins/" + gateway + "/enablement")
                .then().statusCode(200);
        String phoneA = "17800000021";
        String phoneB = "17800000022";
        SmsInbox inbox = SmsInbox.open();

        requestCode(a, phoneA);
        String text = (String) TenantSql.query(a.id(), "select value from plugin_storage where plugin_id = ? and key = ?", gateway,
                "sms:" + phoneA).getFirst().get("value");
        assertThat(text).startsWith("【Fresh】 [");
        Matcher code = Pattern.compile("code is (\\d{6})").matcher(text);
        assertThat(code.find()).isTrue();
        assertThatThrownBy(() -> inbox.lastCode(phoneA)).isInstanceOf(AssertionError.class);
        given().contentType(ContentType.JSON).body(Map.of("merchant", a.slug(), "phone", phoneA, "code", code.group(1)))
                .post("/api/member/auth/sms-login").then().statusCode(200);

        requestCode(b, phoneB);
        assertThat(inbox.lastCode(phoneB)).hasSize(6);
        assertThat(TenantSql.query(b.id(), "select key from plugin_storage where plugin_id = ?", gateway)).isEmpty();
    }

    @Test
    void consolePagesLevelMetricsAndBenefitsComeFromTheMerchantsPlugins() throws IOException {
        String courses = install(TestPlugins.Spec.of(Merchants.uniqueSlug("courses"), "Courses", COURSES));
        Merchant a = Merchants.signUp("courses-a");
        Merchant b = Merchants.signUp("courses-b");
        a.asOwner().body(Map.of()).put("/api/v1/plugins/" + courses + "/enablement").then().statusCode(200);
        String memberA = member(a, "17800000031");
        String memberB = member(b, "17800000032");

        a.asOwner().get("/api/v1/console/plugin-pages").then().statusCode(200)
                .body("find { it.pluginId == '" + courses + "' }.pages[0].title", equalTo("Courses"))
                .body("find { it.pluginId == '" + courses + "' }.pages[0].widgets[0].fields.key", hasItem("price"));
        b.asOwner().get("/api/v1/console/plugin-pages").then().statusCode(200).body("pluginId", org.hamcrest.Matchers.not(hasItem(courses)));

        a.asOwner().get("/api/v1/level-metrics").then().statusCode(200).body("builtIn", hasItem("SPEND"))
                .body("plugins.metric", hasItem("COURSE_PURCHASES"));
        b.asOwner().get("/api/v1/level-metrics").then().statusCode(200).body("plugins.pluginId", org.hamcrest.Matchers.not(hasItem(courses)));
        assertThat(metricValue(a, courses, memberA)).hasValue(3);
        assertThat(metricValue(b, courses, memberB)).isEmpty();

        a.asOwner().get("/api/v1/members/" + memberA + "/plugin-benefits").then().statusCode(200)
                .body("[0].type", equalTo("FREE_TRIAL_LESSON")).body("[0].pluginId", equalTo(courses));
        b.asOwner().get("/api/v1/members/" + memberB + "/plugin-benefits").then().statusCode(200).body("$", hasSize(0));
        a.asOwner().get("/api/v1/members/" + memberB + "/plugin-benefits").then().statusCode(404);

        // Level rules use the plugin's metric: three courses make a Scholar, four a Master.
        a.asOwner().body(Map.of("name", "Newcomer", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        a.asOwner().body(Map.of("name", "Scholar", "rank", 1,
                "upgradeRule", Map.of("plugin", courses, "pluginMetric", "COURSE_PURCHASES", "atLeast", 3, "window", Map.of("months", 12))))
                .post("/api/v1/levels").then().statusCode(201).body("upgradeRule.plugin", equalTo(courses));
        a.asOwner().body(Map.of("name", "Master", "rank", 2,
                "upgradeRule", Map.of("plugin", courses, "pluginMetric", "COURSE_PURCHASES", "atLeast", 4))).post("/api/v1/levels")
                .then().statusCode(201);
        a.asOwner().post("/api/v1/members/" + memberA + "/level/evaluate").then().log().ifValidationFails().statusCode(200)
                .body("level.name", equalTo("Scholar"))
                .body("next.level.name", equalTo("Master")).body("next.checks[0].metric", equalTo(courses + ":COURSE_PURCHASES"))
                .body("next.checks[0].actual", equalTo(3)).body("next.checks[0].met", equalTo(false));
        // A level preview asks no plugin: a member whose level turns on its metric is counted on the level earned.
        a.asOwner().body(Map.of("name", "Patron", "rank", 3, "upgradeRule", Map.of("metric", "SPEND", "atLeast", 1)))
                .post("/api/v1/levels/preview").then().statusCode(200)
                .body("levels.name", org.hamcrest.Matchers.contains("Newcomer", "Scholar", "Master", "Patron"))
                .body("levels.wouldHold", org.hamcrest.Matchers.contains(0, 1, 0, 0)).body("undecided", equalTo(1));
        a.asOwner().body(Map.of("name", "Sage", "rank", 3, "upgradeRule", Map.of("plugin", courses, "pluginMetric", "LESSONS_TAUGHT",
                "atLeast", 1))).post("/api/v1/levels").then().statusCode(400).body("errors[0].field", equalTo("upgradeRule"))
                .body("errors[0].message", containsString("LESSONS_TAUGHT"));
        b.asOwner().body(Map.of("name", "Scholar", "rank", 1,
                "upgradeRule", Map.of("plugin", courses, "pluginMetric", "COURSE_PURCHASES", "atLeast", 3))).post("/api/v1/levels")
                .then().statusCode(400);

        // Disabled, the plugin cannot say: nobody is upgraded on its metric, and its check shows no value.
        a.asOwner().delete("/api/v1/plugins/" + courses + "/enablement").then().statusCode(200);
        String memberA2 = member(a, "17800000033");
        a.asOwner().post("/api/v1/members/" + memberA2 + "/level/evaluate").then().statusCode(200)
                .body("level.name", equalTo("Newcomer")).body("next.checks[0].actual", equalTo(null));
    }

    @Test
    void aPluginFieldTypeChecksEveryValueOfTheMerchantsFieldsOfThatType() throws IOException {
        String school = install(TestPlugins.Spec.of(Merchants.uniqueSlug("school"), "StudentNumbers", STUDENT_NUMBERS));
        Merchant a = Merchants.signUp("fields-a");
        Merchant b = Merchants.signUp("fields-b");
        a.asOwner().body(Map.of()).put("/api/v1/plugins/" + school + "/enablement").then().statusCode(200);
        a.asOwner().get("/api/v1/member-field-types").then().statusCode(200).body("builtIn", hasItem("TEXT"))
                .body("plugins.pluginType", hasItem(school + ":STUDENT_NUMBER"));

        Map<String, Object> field = Map.of("key", "student_no", "label", "Student number", "type", "PLUGIN",
                "pluginType", school + ":STUDENT_NUMBER");
        a.asOwner().body(field).post("/api/v1/member-fields").then().statusCode(201).body("pluginType", equalTo(school + ":STUDENT_NUMBER"));
        b.asOwner().body(field).post("/api/v1/member-fields").then().statusCode(400).body("errors[0].field", equalTo("pluginType"));
        a.asOwner().body(Map.of("key", "club", "label", "Club", "type", "TEXT", "pluginType", school + ":STUDENT_NUMBER"))
                .post("/api/v1/member-fields").then().statusCode(400);

        a.asOwner().body(Map.of("phone", "17800000041", "fields", Map.of("student_no", "12345"))).post("/api/v1/members").then()
                .statusCode(400).body("errors[0].field", equalTo("fields.student_no"))
                .body("errors[0].message", containsString("S and 7 digits"));
        a.asOwner().get("/api/v1/members?phone=17800000041").then().body("total", equalTo(0));
        String member = a.asOwner().body(Map.of("phone", "17800000041", "fields", Map.of("student_no", "S1234567")))
                .post("/api/v1/members").then().statusCode(201).body("fields.student_no", equalTo("S1234567")).extract().path("id");

        // Without the plugin nobody can vouch for new values: they are refused, the stored ones stay readable.
        a.asOwner().delete("/api/v1/plugins/" + school + "/enablement").then().statusCode(200);
        a.asOwner().body(Map.of("fields", Map.of("student_no", "S7654321"))).patch("/api/v1/members/" + member).then().statusCode(400)
                .body("errors[0].message", containsString("cannot be checked now"));
        a.asOwner().get("/api/v1/members/" + member).then().statusCode(200).body("fields.student_no", equalTo("S1234567"));
    }

    @Test
    void aGatePluginAsksTheOtherPoliciesKnowsItsDeviceListsLevelsAndWritesOnce() throws IOException {
        String policy = install(TestPlugins.Spec.of(Merchants.uniqueSlug("zones"), "ZonePolicy", ZONE_POLICY)
                .with("Plugin-Config-Required", "closedZone"));
        String gateId = Merchants.uniqueSlug("gatekeeper");
        String table = PluginMigration.tablePrefix(gateId) + "check";
        String gate = install(TestPlugins.Spec.of(gateId, "Gate", GATE.replace("gatekeeper_check", table))
                .with("Plugin-Permissions", "access:check, levels:list")
                .withFile(PluginMigration.DIR + "V1__checks.sql", "create table if not exists " + table
                        + " (tenant_id text not null, event_id text not null, member_id text not null, verdict text not null,"
                        + " primary key (tenant_id, event_id));"));
        Merchant m = Merchants.signUp("gatekeeper");
        m.asOwner().body(Map.of("config", Map.of("closedZone", "vip-lounge"))).put("/api/v1/plugins/" + policy + "/enablement")
                .then().statusCode(200);
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + gate + "/enablement").then().statusCode(200);
        m.asOwner().body(Map.of("name", "Silver", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        String member = member(m, "17800000051");
        member(m, "17800000052");
        member(m, "17800000053");
        var device = m.asOwner().body(Map.of("name", "Lounge gate", "kind", "GATE")).post("/api/v1/devices").then().statusCode(201)
                .extract().jsonPath();
        String token = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", device.getString("clientId")).formParam("client_secret", device.getString("clientSecret"))
                .post(device.getString("tokenUrl")).then().statusCode(200).extract().path("access_token");

        Merchants.as(token).get("/api/v1/devices/me/ping").then().statusCode(200).body("pong", equalTo(true));
        m.asOwner().get("/api/v1/devices/me/ping").then().statusCode(403);

        String check = "/api/v1/ext/" + gate + "/check?member=" + member + "&event=e-1&zone=";
        Merchants.as(token).get(check + "vip-lounge").then().statusCode(200).body("verdict", equalTo("DENY"))
                .body("reason", equalTo("The vip-lounge is for VIP members")).body("device", equalTo(device.getString("device.id")))
                .body("first", equalTo(true));
        Merchants.as(token).get(check + "lobby").then().statusCode(200).body("verdict", equalTo("ALLOW")).body("first", equalTo(false));
        m.asOwner().get(check.replace("e-1", "e-2") + "lobby").then().statusCode(200).body("device", equalTo("null"))
                .body("first", equalTo(true));
        assertThat(TenantSql.query(m.id(), "select event_id, verdict from plugin_data." + table + " order by event_id"))
                .extracting(r -> r.get("event_id") + "=" + r.get("verdict")).containsExactly("e-1=DENY", "e-2=ALLOW");

        m.asOwner().get("/api/v1/ext/" + gate + "/newest").then().statusCode(200).body("event", equalTo("e-2"));
        m.asOwner().get("/api/v1/ext/" + gate + "/members").then().statusCode(200).body("levels", equalTo("Silver,Silver,Silver"));
    }

    private static io.restassured.response.ValidatableResponse decide(io.restassured.specification.RequestSpecification as, String memberId,
                                                                      String zone, boolean failClosed) {
        return as.body(Map.of("memberId", memberId, "zone", zone, "failClosed", failClosed)).post("/api/v1/access/decisions").then();
    }

    /** What a level rule of the merchant would get for the plugin metric, asked as the level engine would: in a unit of work of that merchant. */
    private OptionalLong metricValue(Merchant m, String pluginId, String memberId) {
        return CompletableFuture.supplyAsync(() -> BackgroundRequest.call(() -> levelMetrics.value(TenantBound.of(UUID.fromString(m.id())),
                pluginId, "COURSE_PURCHASES", UUID.fromString(memberId), new MetricWindow(null, Instant.now())))).join();
    }

    private static void requestCode(Merchant m, String phone) {
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone))
                .post("/api/member/auth/sms-codes").then().statusCode(202);
    }

    private String install(TestPlugins.Spec spec) throws IOException {
        return host.install(TestPlugins.build(build, spec)).id();
    }

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }
}
