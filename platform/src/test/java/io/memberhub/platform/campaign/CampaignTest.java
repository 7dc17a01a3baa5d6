package io.memberhub.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.plugin.TestPlugins;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Marketing campaigns as a merchant runs them: the right members, once per occasion, politely, with their effect. */
@QuarkusTest
class CampaignTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWelcomeCampaignRewardsEachNewMemberOnceSkipsOptOutsAndShowsItsEffect() {
        Merchant m = Merchants.signUp("welcome");
        noQuietHours(m, 10);
        String template = template(m);
        String fresh = member(m, Map.of("name", "Li Lei"));
        String optedOut = member(m, Map.of());
        String old = member(m, Map.of());
        TenantSql.update(m.id(), "update member set created_at = now() - interval '10 days' where id = ?::uuid", old);
        m.asOwner().put("/api/v1/members/" + optedOut + "/marketing-opt-out").then().statusCode(200).body("optedOut", equalTo(true));
        String campaign = create(m, Map.of("name", "Welcome", "trigger", "WELCOME", "couponTemplateId", template, "points", 100,
                "message", Map.of("channel", "LOG", "text", "Welcome, {name}!")));

        JsonPath dry = m.asOwner().post("/api/v1/campaigns/" + campaign + "/dry-run").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getInt("wouldSend")).isEqualTo(1);
        assertThat(dry.getList("recipients.memberId")).containsExactlyInAnyOrder(fresh, optedOut);
        assertThat(m.asOwner().get("/api/v1/campaigns/" + campaign + "/sends").then().extract().jsonPath().getList("$")).isEmpty();

        m.asOwner().post("/api/v1/campaigns/" + campaign + "/runs").then().statusCode(200)
                .body("sent", equalTo(1)).body("skipped", equalTo(1)).body("messagesFailed", equalTo(0));
        m.asOwner().post("/api/v1/campaigns/" + campaign + "/runs").then().statusCode(200).body("sent", equalTo(0)).body("skipped", equalTo(0));

        m.asOwner().get("/api/v1/members/" + fresh + "/coupons").then().body("size()", equalTo(1)).body("[0].source", equalTo("campaign:" + campaign));
        m.asOwner().get("/api/v1/members/" + fresh + "/points").then().body("balance", equalTo(100));
        m.asOwner().get("/api/v1/members/" + optedOut + "/points").then().body("balance", equalTo(0));
        JsonPath sends = m.asOwner().get("/api/v1/campaigns/" + campaign + "/sends").then().statusCode(200).extract().jsonPath();
        assertThat(sends.getList("outcome")).containsExactlyInAnyOrder("SENT", "SKIPPED_OPTED_OUT");
        assertThat(sends.getString("find { it.outcome == 'SENT' }.messageStatus")).isEqualTo("SENT");
        assertThat(sends.getString("find { it.outcome == 'SENT' }.occasion")).isEqualTo("welcome");

        order(m, fresh, "after-welcome", 8_800);
        m.asOwner().get("/api/v1/campaigns/" + campaign + "/effect").then().statusCode(200)
                .body("reached", equalTo(1)).body("skipped", equalTo(1)).body("couponsIssued", equalTo(1))
                .body("buyers", equalTo(1)).body("orders", equalTo(1)).body("orderAmount", equalTo(8_800));
    }

    @Test
    void birthdaysAreJudgedInTheMerchantsTimeZoneWithinTheSegmentAndTheCapHolds() {
        Merchant m = Merchants.signUp("birthday");
        noQuietHours(m, 1);
        LocalDate today = LocalDate.now(SHANGHAI);
        String vip = m.asOwner().body(Map.of("name", "VIP")).post("/api/v1/tags").then().statusCode(201).extract().path("id");
        String birthdayVip = member(m, Map.of("birthday", today.withYear(1990).toString()));
        String birthdayOther = member(m, Map.of("birthday", today.withYear(1985).toString()));
        String tomorrowVip = member(m, Map.of("birthday", today.plusDays(1).withYear(1992).toString()));
        for (String member : List.of(birthdayVip, tomorrowVip)) {
            m.asOwner().put("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200);
        }
        String segment = m.asOwner().body(Map.of("name", "VIPs", "filter", Map.of("tags", List.of(vip)))).post("/api/v1/segments")
                .then().statusCode(201).extract().path("id");
        String birthday = create(m, Map.of("name", "Birthday VIPs", "trigger", "BIRTHDAY", "segmentId", segment, "points", 88));

        m.asOwner().post("/api/v1/campaigns/" + birthday + "/runs").then().statusCode(200).body("sent", equalTo(1));
        assertThat(m.asOwner().get("/api/v1/campaigns/" + birthday + "/sends").then().extract().jsonPath().getString("[0].occasion"))
                .isEqualTo("birthday-" + today.getYear());
        m.asOwner().get("/api/v1/members/" + birthdayVip + "/points").then().body("balance", equalTo(88));
        m.asOwner().get("/api/v1/members/" + birthdayOther + "/points").then().body("balance", equalTo(0));

        // One marketing send per member per 7 days: the welcome campaign passes the VIP over.
        String welcome = create(m, Map.of("name", "Welcome", "trigger", "WELCOME", "points", 10));
        m.asOwner().post("/api/v1/campaigns/" + welcome + "/runs").then().statusCode(200).body("sent", equalTo(2)).body("skipped", equalTo(1));
        m.asOwner().queryParam("outcome", "SKIPPED_CAP").get("/api/v1/campaigns/" + welcome + "/sends").then()
                .body("size()", equalTo(1)).body("[0].memberId", equalTo(birthdayVip));
    }

    @Test
    void nothingGoesOutDuringQuietHoursAndDormantMembersAreWonBackOncePerStretch() {
        Merchant m = Merchants.signUp("quiet");
        LocalTime now = LocalTime.now(SHANGHAI);
        m.asOwner().body(Map.of("quietStart", hhmm(now.minusHours(1)), "quietEnd", hhmm(now.plusHours(1)), "maxSends", 5, "perDays", 7))
                .put("/api/v1/marketing/settings").then().statusCode(200);
        String silent = member(m, Map.of());
        String active = member(m, Map.of());
        TenantSql.update(m.id(), "update member set created_at = now() - interval '200 days'");
        order(m, silent, "long-ago", 1_000);
        TenantSql.update(m.id(), "update member_order set paid_at = now() - interval '100 days' where external_id = 'long-ago'");
        order(m, active, "recent", 1_000);
        String winBack = create(m, Map.of("name", "Win back", "trigger", "DORMANT", "days", 90, "points", 50));

        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().statusCode(200).body("quietHoursNow", equalTo(true)).body("sent", equalTo(0));
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/dry-run").then().body("quietHoursNow", equalTo(true)).body("wouldSend", equalTo(1))
                .body("recipients[0].memberId", equalTo(silent));

        noQuietHours(m, 5);
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().body("sent", equalTo(1));
        m.asOwner().post("/api/v1/campaigns/" + winBack + "/runs").then().body("sent", equalTo(0));
        assertThat(m.asOwner().get("/api/v1/campaigns/" + winBack + "/sends").then().extract().jsonPath().getString("[0].occasion"))
                .startsWith("dormant-");
    }

    @Test
    void aCampaignMustDoSomethingWithTheMerchantsOwnThingsAndStaysWithItsMerchant() {
        Merchant m = Merchants.signUp("campaign-bad");
        Merchant other = Merchants.signUp("campaign-other");
        m.asOwner().body(Map.of("name", "Nothing", "trigger", "WELCOME")).post("/api/v1/campaigns").then().statusCode(400);
        m.asOwner().body(Map.of("name", "Borrowed", "trigger", "WELCOME", "couponTemplateId", template(other)))
                .post("/api/v1/campaigns").then().statusCode(400).body("errors[0].field", equalTo("couponTemplateId"));
        m.asOwner().body(Map.of("name", "Loud", "trigger", "WELCOME", "message", Map.of("channel", "FAX", "text", "hi")))
                .post("/api/v1/campaigns").then().statusCode(400);
        String mine = create(m, Map.of("name", "Fine", "trigger", "WELCOME", "points", 1));
        other.asOwner().get("/api/v1/campaigns/" + mine).then().statusCode(404);
        other.asOwner().post("/api/v1/campaigns/" + mine + "/runs").then().statusCode(404);
        Merchants.as(Merchants.staffToken(m, "operator")).post("/api/v1/campaigns/" + mine + "/runs").then().statusCode(403);
        m.asOwner().post("/api/v1/campaigns/" + mine + "/pause").then().statusCode(200).body("status", equalTo("PAUSED"));
    }

    /** An app-push channel that keeps what it pushed in the merchant's storage; "Nobody" has no app to push to. */
    private static final String PUSH = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.message.spi.MessageChannel;
            import io.memberhub.plugin.api.message.spi.OutgoingMessage;
            public class Push implements MessageChannel {
                public String channel() {
                    return "APP_PUSH";
                }
                public String description() {
                    return "A push to the member's app";
                }
                public boolean send(OutgoingMessage message, PluginContext context) {
                    if (message.text().contains("Nobody")) {
                        return false;
                    }
                    context.storage().put("push:" + message.memberId(), message.purpose() + " " + message.text());
                    return true;
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aCampaignMessageGoesThroughThePluginChannelTheMerchantChose() throws IOException {
        String plugin = Merchants.uniqueSlug("push");
        host.install(TestPlugins.build(build, TestPlugins.Spec.of(plugin, "Push", PUSH)));
        Merchant m = Merchants.signUp("campaign-push");
        noQuietHours(m, 10);
        Map<String, Object> campaign = Map.of("name", "Welcome push", "trigger", "WELCOME",
                "message", Map.of("channel", "PLUGIN", "pluginChannel", plugin + ":APP_PUSH", "text", "Hi {name}!"));
        m.asOwner().body(campaign).post("/api/v1/campaigns").then().statusCode(400).body("errors[0].field", equalTo("message.pluginChannel"));
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
        String reachable = member(m, Map.of("name", "Han Meimei"));
        member(m, Map.of("name", "Nobody"));

        String id = create(m, campaign);
        m.asOwner().post("/api/v1/campaigns/" + id + "/runs").then().statusCode(200).body("sent", equalTo(2)).body("messagesFailed", equalTo(1));

        assertThat(TenantSql.query(m.id(), "select key, value from plugin_storage where plugin_id = ?", plugin))
                .containsExactly(Map.of("key", "push:" + reachable, "value", "MARKETING Hi Han Meimei!"));
        JsonPath sends = m.asOwner().get("/api/v1/campaigns/" + id + "/sends").then().statusCode(200).extract().jsonPath();
        assertThat(sends.getList("messageStatus")).containsExactlyInAnyOrder("SENT", "FAILED");
        m.asOwner().get("/api/v1/campaigns/" + id).then().body("message.pluginChannel", equalTo(plugin + ":APP_PUSH"));
    }

    private static void noQuietHours(Merchant m, int maxSends) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("maxSends", maxSends);
        settings.put("perDays", 7);
        m.asOwner().body(settings).put("/api/v1/marketing/settings").then().statusCode(200).body("quietStart", equalTo(null));
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static String create(Merchant m, Map<String, Object> campaign) {
        return m.asOwner().body(campaign).post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    private static String template(Merchant m) {
        return m.asOwner().body(Map.of("name", "10 off", "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
    }

    private static String member(Merchant m, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("phone", String.format("1380016%04d", PHONES.incrementAndGet()));
        return m.asOwner().body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String memberId, String externalId, long amount) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", amount, "channel", "shop",
                        "paidAt", Instant.now().toString(),
                        "items", List.of(Map.of("name", "Item", "category", "dairy", "quantity", 1, "amount", amount))))
                .post("/api/v1/orders").then().statusCode(201);
    }
}
