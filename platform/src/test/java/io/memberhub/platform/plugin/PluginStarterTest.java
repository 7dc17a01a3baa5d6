package io.memberhub.platform.plugin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's starter configuration: shown, adopted all or nothing, then the merchant's own to edit. */
@QuarkusTest
class PluginStarterTest {

    /** Three levels by orders in 30 days, VIP with free delivery over 59 yuan, and a member day setting. */
    private static final String STARTER = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.benefit.spi.BenefitType;
            import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
            import io.memberhub.plugin.api.starter.spi.LevelBenefit;
            import io.memberhub.plugin.api.starter.spi.LevelRule;
            import io.memberhub.plugin.api.starter.spi.Starter;
            import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
            import io.memberhub.plugin.api.starter.spi.StarterLevel;
            import java.util.List;
            import java.util.Map;
            import java.util.UUID;
            public class Pack implements StarterConfiguration, BenefitType {
                public Starter starter(PluginContext context) {
                    String metric = context.config("brokenMetric").orElse("ORDER_COUNT");
                    return new Starter("Fresh food in three levels", List.of(
                            StarterLevel.earned("Regular", 0, null),
                            StarterLevel.earned("Frequent", 1, LevelRule.atLeastInDays(metric, 2, 30)),
                            StarterLevel.earned("VIP", 2, LevelRule.anyOf(LevelRule.atLeastInDays("ORDER_COUNT", 4, 30),
                                    LevelRule.atLeast("SPEND", 100000))).withBenefits(new LevelBenefit("FREE_SHIPPING_OVER", 5900L))),
                            Map.of("memberDay", "WEDNESDAY"));
                }
                public List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) {
                    return "VIP".equals(levelName) ? List.of(new MemberBenefit("DAILY_SPECIALS_FIRST", "Daily specials first", null, null))
                            : List.of();
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void adoptingCreatesTheLevelsAndSettingsWhichTheMerchantThenEdits() throws IOException {
        String pack = install();
        Merchant m = Merchants.signUp("starter");
        Merchant other = Merchants.signUp("starter-other");
        m.asOwner().get("/api/v1/plugins/" + pack + "/starter").then().statusCode(404).body("code", equalTo("STARTER_NOT_FOUND"));
        enable(m, pack, Map.of());

        m.asOwner().get("/api/v1/plugins/" + pack + "/starter").then().statusCode(200)
                .body("summary", equalTo("Fresh food in three levels")).body("adopted", equalTo(false))
                .body("levels.name", contains("Regular", "Frequent", "VIP")).body("updates", hasSize(0))
                .body("levels[1].upgradeRule.window.days", equalTo(30)).body("settings.memberDay", equalTo("WEDNESDAY"));
        m.asOwner().get("/api/v1/levels").then().body("$", hasSize(0));

        m.asOwner().post("/api/v1/plugins/" + pack + "/starter").then().statusCode(200).body("adopted", equalTo(true));
        m.asOwner().get("/api/v1/levels").then().body("name", contains("Regular", "Frequent", "VIP"))
                .body("[1].upgradeRule.metric", equalTo("ORDER_COUNT")).body("[1].upgradeRule.atLeast", equalTo(2))
                .body("[2].upgradeRule.any", hasSize(2)).body("[2].benefits[0].type", equalTo("FREE_SHIPPING_OVER"))
                .body("[2].benefits[0].value", equalTo(5900));
        m.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + pack + "' }.config.memberDay", equalTo("WEDNESDAY"));
        other.asOwner().get("/api/v1/levels").then().body("$", hasSize(0));

        // The merchant edits what was adopted; adopting again puts the starter's values back on the same levels.
        String vip = m.asOwner().get("/api/v1/levels").then().extract().path("find { it.name == 'VIP' }.id");
        m.asOwner().body(Map.of("name", "VIP", "rank", 5)).put("/api/v1/levels/" + vip).then().statusCode(200);
        m.asOwner().get("/api/v1/plugins/" + pack + "/starter").then().body("updates", contains("Regular", "Frequent", "VIP"));
        m.asOwner().post("/api/v1/plugins/" + pack + "/starter").then().statusCode(200).body("updates", hasSize(3));
        m.asOwner().get("/api/v1/levels").then().body("$", hasSize(3)).body("find { it.name == 'VIP' }.rank", equalTo(2))
                .body("find { it.name == 'VIP' }.id", equalTo(vip));

        // A VIP's quote shows the level's free delivery and the plugin's own benefit.
        String member = m.asOwner().body(Map.of("phone", "17900000001")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("levelId", vip, "reason", "tasting the starter")).put("/api/v1/members/" + member + "/level").then().statusCode(200);
        m.asOwner().body(Map.of("memberId", member, "amount", 6_000, "shippingFee", 800)).post("/api/v1/checkout/quote").then()
                .statusCode(200).body("freeShipping", equalTo(true)).body("total", equalTo(6_000))
                .body("pluginBenefits[0].type", equalTo("DAILY_SPECIALS_FIRST")).body("pluginBenefits[0].pluginId", equalTo(pack));
    }

    @Test
    void aStarterClashingWithTheMerchantsLevelsOrBrokenChangesNothing() throws IOException {
        String pack = install();
        Merchant m = Merchants.signUp("starter-clash");
        m.asOwner().body(Map.of("name", "Gold", "rank", 1)).post("/api/v1/levels").then().statusCode(201);
        enable(m, pack, Map.of());

        m.asOwner().post("/api/v1/plugins/" + pack + "/starter").then().statusCode(409)
                .body("code", equalTo("STARTER_CONFLICTS_WITH_LEVELS")).body("detail", containsString("rank 1 is held by your level Gold"));
        m.asOwner().get("/api/v1/levels").then().body("name", contains("Gold"));

        enable(m, pack, Map.of("brokenMetric", "ORDERS_PER_FORTNIGHT"));
        m.asOwner().get("/api/v1/plugins/" + pack + "/starter").then().statusCode(502).body("code", equalTo("STARTER_INVALID"))
                .body("detail", containsString("unknown metric ORDERS_PER_FORTNIGHT"));
        m.asOwner().get("/api/v1/levels").then().body("name", contains("Gold"));
        m.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + pack + "' }.config.memberDay", equalTo(null));
    }

    private String install() throws IOException {
        return host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("pack"), "Pack", STARTER)
                .with("Plugin-Config-Optional", "memberDay,brokenMetric"))).id();
    }

    private static void enable(Merchant m, String plugin, Map<String, String> config) {
        m.asOwner().body(Map.of("config", config)).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);
    }
}
