package io.memberhub.platform.sweep;

import static io.restassured.RestAssured.given;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.export.MerchantData;
import io.memberhub.platform.sweep.ApiOperations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merchant with data of every kind that has an id (MerchantData's, plus a level review and an
 * export), the tokens of everyone who acts for it, and its id for every path parameter of the API.
 */
final class SweptMerchant {

    /**
     * What a path parameter names. CATALOGUE parameters name the platform's shared catalogue (a module,
     * an installed plugin), which every merchant may use for itself, not anything of one merchant.
     */
    enum Kind { TENANT, CATALOGUE }

    record Ref(Kind kind, String value) {
    }

    final Merchant merchant;
    final MerchantData.Filled filled;
    final String memberToken;
    final String gateToken;
    final String operatorToken;
    final String adminToken;
    final String developerToken;
    /** Path parameters by the segment before them and their name, e.g. {@code members/{id}}. */
    final Map<String, Ref> pathIds = new LinkedHashMap<>();
    /** Ids a request body refers to, by property name. */
    final Map<String, String> bodyIds;

    private static SweptMerchant shared;

    /**
     * One swept merchant for both sweeps: filling one takes long, and each sweep compares the merchant's
     * rows before and after its own calls, whatever the other sweep did to it first.
     */
    static synchronized SweptMerchant shared() throws IOException, GeneralSecurityException {
        if (shared == null) {
            shared = new SweptMerchant("sweep");
        }
        return shared;
    }

    private SweptMerchant(String prefix) throws IOException, GeneralSecurityException {
        merchant = Merchants.signUp(prefix);
        Merchant m = merchant;
        filled = MerchantData.fill(m, Files.createTempDirectory("sweep-build"));
        String levelReview = m.asOwner().post("/api/v1/level-reviews").then().statusCode(202).extract().path("id");
        String export = m.asOwner().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/exports")
                .then().statusCode(202).extract().path("id");
        memberToken = filled.aliceToken();
        gateToken = Merchants.gateToken(m, "Sweep gate");
        operatorToken = Merchants.staffToken(m, "operator");
        adminToken = Merchants.staffToken(m, "admin");
        String developerEmail = "sweep-dev-" + UUID.randomUUID() + "@plugins.test";
        given().contentType("application/json").body(Map.of("name", "Sweep dev", "email", developerEmail, "password", Merchants.PASSWORD))
                .post("/api/v1/market/developers").then().statusCode(201);
        developerToken = Merchants.token(developerEmail, Merchants.PASSWORD);
        String key = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        String developerKey = Merchants.as(developerToken).body(Map.of("publicKey", key, "label", "sweep"))
                .post("/api/v1/market/developer/keys").then().statusCode(201).extract().path("id");

        String plugin = sql("select plugin_id from tenant_plugin limit 1");
        tenant("members/{id}", filled.alice());
        tenant("members/{memberId}", filled.alice());
        tenant("tags/{tagId}", sql("select id::text from tag limit 1"));
        tenant("tags/{id}", sql("select id::text from tag limit 1"));
        tenant("evaluations/{evaluationId}", sql("select id::text from tag_evaluation limit 1"));
        tenant("campaigns/{id}", sql("select id::text from campaign limit 1"));
        tenant("assignments/{memberId}", filled.alice());
        tenant("journeys/{id}", sql("select id::text from journey limit 1"));
        tenant("devices/{id}", sql("select id::text from device order by created_at limit 1"));
        tenant("exports/{id}", export);
        tenant("level-reviews/{id}", levelReview);
        tenant("levels/{id}", sql("select id::text from level where name = 'Gold'"));
        tenant("segments/{id}", sql("select id::text from segment limit 1"));
        tenant("staff/{id}", m.asOwner().get("/api/v1/staff").then().extract().path("find { it.role == 'operator' }.id"));
        tenant("webhooks/{id}", sql("select id::text from webhook_subscription limit 1"));
        tenant("deliveries/{deliveryId}", sql("select id::text from webhook_delivery limit 1"));
        tenant("redemptions/{id}", sql("select id::text from points_redemption limit 1"));
        tenant("rewards/{rewardId}", sql("select id::text from mall_reward where kind = 'GOODS' limit 1"));
        tenant("redemptions/{redemptionId}", sql("select id::text from mall_redemption limit 1"));
        tenant("member-fields/{key}", "vip_note");
        tenant("coupons/{code}", sql("select code from coupon limit 1"));
        tenant("orders/{externalId}", sql("select external_id from member_order limit 1"));
        tenant("top-ups/{externalId}", sql("select external_id from top_up limit 1"));
        tenant("wallet-payments/{externalId}", sql("select external_id from wallet_payment limit 1"));
        tenant("identities/{provider}", "wechat");
        tenant("ext/{pluginId}", plugin);
        tenant("{pluginId}/{path}", "/sweep");
        tenant("keys/{id}", developerKey);
        pathIds.put("plugins/{id}", new Ref(Kind.CATALOGUE, plugin));
        pathIds.put("modules/{id}", new Ref(Kind.CATALOGUE, plugin));
        pathIds.put("versions/{module}", new Ref(Kind.CATALOGUE, plugin));
        pathIds.put("{module}/{version}", new Ref(Kind.CATALOGUE, "1.0.0"));

        String level = pathIds.get("levels/{id}").value();
        String template = sql("select id::text from coupon_template limit 1");
        String tag = pathIds.get("tags/{id}").value();
        bodyIds = Map.ofEntries(Map.entry("memberId", filled.alice()), Map.entry("referredBy", filled.alice()),
                Map.entry("templateId", template), Map.entry("couponTemplateId", template), Map.entry("couponTemplateIds", template),
                Map.entry("levelId", level), Map.entry("replaces", level), Map.entry("levels", level),
                Map.entry("tags", tag), Map.entry("rewardId", pathIds.get("rewards/{rewardId}").value()), Map.entry("withoutTags", tag), Map.entry("segmentId", pathIds.get("segments/{id}").value()));
    }

    private void tenant(String key, String value) {
        pathIds.put(key, new Ref(Kind.TENANT, value));
    }

    private String sql(String query) {
        return MerchantData.single(merchant, query);
    }

    String id() {
        return merchant.id();
    }

    /** Example bodies that refer to this merchant's own ids, members and slug. */
    ExampleBodies bodies(ApiOperations api) {
        ExampleBodies bodies = new ExampleBodies(api);
        bodyIds.forEach((name, value) -> bodies.byName(name, () -> value));
        bodies.byName("merchant", merchant::slug);
        return bodies;
    }

    /** The merchant's id for a path parameter, by the segment before it; an unknown one fails the sweep so no new endpoint slips past. */
    Ref pathId(Operation op, String param) {
        Matcher before = Pattern.compile("([^/]+)/?\\{" + Pattern.quote(param) + "}").matcher(op.path());
        String key = before.find() ? before.group(1).replaceAll(".*(\\{[^}]+})$", "$1") + "/{" + param + "}" : param;
        Ref ref = pathIds.get(key);
        if (ref == null) {
            throw new AssertionError(op + ": the sweep does not know whose id {" + param + "} is (key " + key
                    + "); give the swept merchant one and add it to SweptMerchant.pathIds");
        }
        return ref;
    }

    /** The operation's path with this merchant's ids in it. */
    String path(Operation op) {
        return path(op, null, null);
    }

    /** The operation's path with this merchant's ids in it, but {@code raw} (sent as written) for {@code param}. */
    String path(Operation op, String param, String raw) {
        String path = op.path();
        for (var p : op.in("path")) {
            if (p.name().equals(param)) {
                path = path.replace("{" + param + "}", raw);
                continue;
            }
            var parameter = p;
            String value = pathId(op, parameter.name()).value();
            path = path.replace("{" + parameter.name() + "}", value.startsWith("/") ? value
                    : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    /** Whether any path parameter of the operation names something of this merchant's own. */
    boolean ownsAPathId(Operation op) {
        return op.in("path").stream().anyMatch(p -> pathId(op, p.name()).kind() == Kind.TENANT);
    }

    /** Values that belong to this merchant only, which no other merchant's answer may contain. */
    List<String> ownValues() {
        List<String> catalogue = pathIds.values().stream().filter(r -> r.kind() == Kind.CATALOGUE).map(Ref::value).toList();
        List<String> values = new java.util.ArrayList<>(pathIds.values().stream()
                .filter(r -> r.kind() == Kind.TENANT && r.value().length() > 8 && !catalogue.contains(r.value())).map(Ref::value).toList());
        values.addAll(List.of(filled.alicePhone(), merchant.slug(), merchant.ownerEmail()));
        return values;
    }
}
