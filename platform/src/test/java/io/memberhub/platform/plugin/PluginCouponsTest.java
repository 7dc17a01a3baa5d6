package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static io.memberhub.platform.plugin.MerchantPlugins.member;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin reads a member's usable coupons and redeems one at a counter through its context
 * ({@code CouponApi.ofMember}, {@code redeem}), driven through the plugin's own routes against the real
 * database: once per coupon, a retry with the same key answered again, the merchant's other members'
 * and merchants' coupons out of reach.
 */
@QuarkusTest
class PluginCouponsTest {

    private static final String COUNTER = """
            import io.memberhub.plugin.api.PlatformServiceException;
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.route.spi.RouteHandler;
            import io.memberhub.plugin.api.route.spi.RouteRequest;
            import io.memberhub.plugin.api.route.spi.RouteResponse;
            import java.util.UUID;
            public class Counter implements RouteHandler {
                public RouteResponse handle(RouteRequest r, PluginContext context) {
                    try {
                        UUID member = UUID.fromString(r.queryParam("member"));
                        switch (r.path()) {
                            case "/coupons": {
                                StringBuilder out = new StringBuilder("[");
                                for (var c : context.coupons().ofMember(member)) {
                                    out.append(out.length() > 1 ? "," : "").append("{\\"id\\":\\"").append(c.id()).append("\\",\\"code\\":\\"")
                                            .append(c.code()).append("\\",\\"name\\":\\"").append(c.name()).append("\\",\\"kind\\":\\"").append(c.kind())
                                            .append("\\",\\"value\\":").append(c.value()).append(",\\"expiresAt\\":\\"").append(c.expiresAt()).append("\\"}");
                                }
                                return RouteResponse.json(200, out.append("]").toString());
                            }
                            case "/coupons-of": {
                                var ids = new java.util.ArrayList<UUID>();
                                for (String id : r.queryParam("members").split(",")) {
                                    ids.add(UUID.fromString(id));
                                }
                                StringBuilder out = new StringBuilder("{");
                                for (var held : context.coupons().ofMembers(ids).entrySet()) {
                                    out.append(out.length() > 1 ? "," : "").append("\\"").append(held.getKey()).append("\\":\\"")
                                            .append(String.join(",", held.getValue().stream().map(c -> c.id().toString()).toList())).append("\\"");
                                }
                                return RouteResponse.json(200, out.append("}").toString());
                            }
                            case "/redeem": {
                                var done = context.coupons().redeem(member, UUID.fromString(r.queryParam("coupon")), r.queryParam("key"),
                                        r.queryParam("store"), r.staffId() == null ? "device" : r.staffId());
                                return RouteResponse.json(200, "{\\"code\\":\\"" + done.code() + "\\",\\"store\\":\\"" + done.store()
                                        + "\\",\\"staff\\":\\"" + done.staff() + "\\",\\"redeemedAt\\":\\"" + done.redeemedAt()
                                        + "\\",\\"replayed\\":" + done.replayed() + "}");
                            }
                            default:
                                return RouteResponse.notFound();
                        }
                    } catch (PlatformServiceException e) {
                        return RouteResponse.json(409, "{\\"code\\":\\"" + e.code() + "\\",\\"message\\":\\"" + e.getMessage().replace("\\"", "'") + "\\"}");
                    }
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aCouponIsRedeemedAtTheCounterOnceAndTheSameKeyAnswersAgain() throws IOException {
        String plugin = install("coupons:read, coupons:write");
        Merchant m = Merchants.signUp("counter-coupons");
        enable(m, plugin);
        String member = member(m, "17700000101");
        String other = member(m, "17700000102");
        String tenYuan = template(m, "Ten off", "AMOUNT_OFF", 1000, 30);
        String coffee = template(m, "Coffee 20%", "PERCENT_OFF", 20, 7);
        String first = issue(m, tenYuan, member, "c-1");
        String second = issue(m, coffee, member, "c-2");
        String others = issue(m, tenYuan, other, "c-3");

        // Usable coupons, soonest to expire first, values in fen (or percent).
        m.asOwner().get(route(plugin, "/coupons", member)).then().statusCode(200)
                .body("$", hasSize(2)).body("[0].id", equalTo(second)).body("[0].kind", equalTo("PERCENT_OFF")).body("[0].value", equalTo(20))
                .body("[1].id", equalTo(first)).body("[1].name", equalTo("Ten off")).body("[1].value", equalTo(1000));

        // A page of members at once, for a device's offline cache: members without coupons are left out.
        String nobody = java.util.UUID.randomUUID().toString();
        m.asOwner().get(route(plugin, "/coupons-of", member) + "&members=" + member + "," + other + "," + nobody).then().statusCode(200)
                .body("'" + member + "'", equalTo(second + "," + first)).body("'" + other + "'", equalTo(others)).body("$", not(hasKey(nobody)));

        String ownerUser = m.asOwner().get("/api/v1/staff/me").then().extract().path("userId");
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + first + "&key=ev-1&store=shop-1").then().statusCode(200)
                .body("store", equalTo("shop-1")).body("staff", equalTo(ownerUser)).body("replayed", equalTo(false));
        // The scanner's retry: the same answer, nothing redeemed twice.
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + first + "&key=ev-1&store=shop-1").then().statusCode(200)
                .body("replayed", equalTo(true));
        // Another event for the same coupon: refused, with where it went.
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + first + "&key=ev-2&store=shop-2").then().statusCode(409)
                .body("code", equalTo("COUPON_ALREADY_REDEEMED")).body("message", containsString("shop-1"));
        // The same key for another coupon is a mistake of the plugin's.
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + second + "&key=ev-1&store=shop-1").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // Another member's coupon is not this member's to redeem.
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + others + "&key=ev-3&store=shop-1").then().statusCode(409)
                .body("code", equalTo("COUPON_NOT_FOUND"));
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + second + "&key=ev-4&store=").then().statusCode(409)
                .body("code", equalTo("INVALID_ARGUMENT"));

        m.asOwner().get(route(plugin, "/coupons", member)).then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(second));
        m.asOwner().get(route(plugin, "/coupons-of", member) + "&members=" + member).then().statusCode(200).body("'" + member + "'", equalTo(second));
        m.asOwner().get("/api/v1/members/" + member + "/coupons?status=REDEEMED").then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo(first)).body("[0].redeemedOrder", equalTo("plugin:" + plugin + "@shop-1"));
        assertThat(TenantSql.events(m.id(), "CouponRedeemed")).isEqualTo(1);
        // Redeemed at the counter, the coupon cannot be used at the till either.
        String code = m.asOwner().get("/api/v1/members/" + member + "/coupons?status=REDEEMED").then().extract().path("[0].code");
        m.asOwner().header("Idempotency-Key", "till-1").body(Map.of("memberId", member, "externalId", "order-1", "orderAmount", 5000))
                .post("/api/v1/coupons/" + code + "/redemptions").then().statusCode(409).body("code", equalTo("COUPON_ALREADY_REDEEMED"));

        // A gate or scanner device redeems too.
        Merchants.as(Merchants.gateToken(m, "Till scanner")).get(route(plugin, "/redeem", member) + "&coupon=" + second + "&key=ev-5&store=shop-2")
                .then().statusCode(200).body("staff", equalTo("device"));
    }

    @Test
    void expiredCouponsAndOtherMerchantsMembersAreRefused() throws IOException {
        String plugin = install("coupons:read, coupons:write");
        Merchant m = Merchants.signUp("counter-expired");
        Merchant other = Merchants.signUp("counter-other");
        enable(m, plugin);
        String member = member(m, "17700000111");
        String expired = issue(m, template(m, "Old", "AMOUNT_OFF", 300, 1), member, "x-1");
        TenantSql.update(m.id(), "update coupon set expires_at = now() - interval '1 minute' where tenant_id = ? and id = ?::uuid",
                m.id(), expired);

        m.asOwner().get(route(plugin, "/coupons", member)).then().statusCode(200).body("$", hasSize(0));
        m.asOwner().get(route(plugin, "/redeem", member) + "&coupon=" + expired + "&key=ev-1&store=shop-1").then().statusCode(409)
                .body("code", equalTo("COUPON_EXPIRED"));

        String stranger = member(other, "17700000112");
        String theirs = issue(other, template(other, "Theirs", "AMOUNT_OFF", 300, 30), stranger, "y-1");
        m.asOwner().get(route(plugin, "/coupons", stranger)).then().statusCode(409).body("code", equalTo("MEMBER_NOT_FOUND"));
        m.asOwner().get(route(plugin, "/coupons-of", member) + "&members=" + stranger + "," + member).then().statusCode(200)
                .body("$", not(hasKey(stranger))).body("$", not(hasKey(member)));
        m.asOwner().get(route(plugin, "/redeem", stranger) + "&coupon=" + theirs + "&key=ev-2&store=shop-1").then().statusCode(409)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
        other.asOwner().get("/api/v1/members/" + stranger + "/coupons?status=ISSUED").then().body("$", hasSize(1));
    }

    @Test
    void readingNeedsCouponsReadAndRedeemingCouponsWrite() throws IOException {
        String reader = install("coupons:read");
        Merchant m = Merchants.signUp("counter-permissions");
        enable(m, reader);
        String member = member(m, "17700000121");
        String coupon = issue(m, template(m, "Five off", "AMOUNT_OFF", 500, 30), member, "p-1");

        m.asOwner().get(route(reader, "/coupons", member)).then().statusCode(200).body("$", hasSize(1));
        m.asOwner().get(route(reader, "/redeem", member) + "&coupon=" + coupon + "&key=ev-1&store=shop-1").then().statusCode(409)
                .body("code", equalTo("PERMISSION_DENIED")).body("message", containsString("coupons:write"));
        m.asOwner().get("/api/v1/members/" + member + "/coupons?status=ISSUED").then().body("$", hasSize(1));

        String none = install("members:read");
        enable(m, none);
        m.asOwner().get(route(none, "/coupons", member)).then().statusCode(409).body("code", equalTo("PERMISSION_DENIED"));
    }

    private static String route(String plugin, String path, String member) {
        return "/api/v1/ext/" + plugin + path + "?member=" + member;
    }

    private String install(String permissions) throws IOException {
        return host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("counter"), "Counter", COUNTER)
                .with("Plugin-Permissions", permissions))).id();
    }

    private static void enable(Merchant m, String plugin) {
        MerchantPlugins.enable(m, plugin, null, Map.of()).statusCode(200);
    }

    private static String template(Merchant m, String name, String kind, long value, int days) {
        return m.asOwner().body(Map.of("name", name, "kind", kind, "value", value, "minSpend", 0, "validityDays", days))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
    }

    private static String issue(Merchant m, String template, String member, String key) {
        return m.asOwner().header("Idempotency-Key", key).body(Map.of("templateId", template, "memberId", member))
                .post("/api/v1/coupons").then().statusCode(201).extract().path("id");
    }
}
