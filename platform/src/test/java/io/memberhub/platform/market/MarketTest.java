package io.memberhub.platform.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.market.MarketPackages.Developer;
import io.memberhub.plugin.api.PluginApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module market end to end: a developer uploads a signed package, a platform operator reviews
 * it, a merchant finds it, reads what it asks for, enables it and its orders feel it.
 */
@QuarkusTest
class MarketTest {


    @TempDir
    Path build;

    @Test
    void aSignedPackageIsReviewedPublishedFoundAndEnabledByAMerchant() throws IOException {
        Developer developer = Developer.register();
        String id = moduleId("bonus");
        byte[] pack = pack(id, "1.0.0", "^1.0.0");
        Merchant merchant = Merchants.signUp("market");
        String admin = KeycloakAdminAccess.platformAdminToken();

        developer.upload(pack).statusCode(201).body("status", equalTo("SUBMITTED")).body("moduleId", equalTo(id))
                .body("keyId", equalTo(developer.keyId()));
        merchant.asOwner().get("/api/v1/market/modules").then().statusCode(200).body("id", not(hasItem(id)));
        merchant.asOwner().get("/api/v1/market/modules/" + id).then().statusCode(404).body("code", equalTo("MODULE_NOT_FOUND"));

        merchant.asOwner().post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(403);
        Merchants.as(developer.token()).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(403);
        Merchants.as(admin).get("/api/v1/market/review/versions").then().statusCode(200).body("moduleId", hasItem(id))
                .body("find { it.moduleId == '" + id + "' }.developerEmail", endsWith("@plugins.test"))
                .body("find { it.moduleId == '" + id + "' }.developer", startsWith("Dev "));
        Merchants.as(admin).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        merchant.asOwner().queryParam("category", "LOYALTY").queryParam("q", "bonus points " + id)
                .get("/api/v1/market/modules").then().statusCode(200).body("id", hasItem(id));
        merchant.asOwner().queryParam("category", "INDUSTRY").get("/api/v1/market/modules").then().body("id", not(hasItem(id)));
        merchant.asOwner().get("/api/v1/market/modules/" + id).then().statusCode(200)
                .body("latestVersion", equalTo("1.0.0"))
                .body("permissions", equalTo(List.of("points:write", "storage")))
                .body("config[0].key", equalTo("perOrder"))
                .body("versions[0].sha256", equalTo(sha256Hex(pack)));

        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "nine"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(422).body("errors.field", hasItem("config.perOrder"));
        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "9", "apiSecret", "s3cret"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200).body("config.apiSecret", equalTo("***"));
        merchant.asOwner().get("/api/v1/plugins").then().body("find { it.id == '" + id + "' }.config.apiSecret", equalTo("***"));
        // Stored sealed with the platform's master key; sent back masked, as a settings form shows it, it keeps its stored value.
        Object sealed = storedSecret(merchant, id);
        assertThat(sealed).asString().startsWith("sealed:v1:").doesNotContain("s3cret");
        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "9", "apiSecret", "***"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200);
        assertThat(storedSecret(merchant, id)).isEqualTo(sealed);
        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "9", "apiSecret", "n3w"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200).body("config.apiSecret", equalTo("***"));
        assertThat(storedSecret(merchant, id)).asString().startsWith("sealed:v1:").isNotEqualTo(sealed);
        String memberId = merchant.asOwner().body(Map.of("phone", String.format("1390000%04d", System.nanoTime() % 10000)))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        long earned = order(merchant, memberId);
        assertThat(earned).as("20 yuan at 1 point per yuan, plus the module's 9").isEqualTo(29);

        Merchants.as(developer.token()).get("/api/v1/market/developer/modules").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.versions[0].status", equalTo("PUBLISHED"));
    }

    @Test
    void everyPublishedVersionIsInstalledAndTheMarketShowsWhoEnabledWhichVersion() throws IOException {
        Developer developer = Developer.register();
        String id = moduleId("versions");
        String admin = KeycloakAdminAccess.platformAdminToken();
        for (String version : List.of("1.0.0", "1.1.0")) {
            developer.upload(pack(id, version, "^1.0.0")).statusCode(201);
            Merchants.as(admin).post("/api/v1/market/review/versions/" + id + "/" + version + "/publication").then().statusCode(200);
        }
        Merchant a = Merchants.signUp("market-versions-a");
        Merchant b = Merchants.signUp("market-versions-b");
        Merchant c = Merchants.signUp("market-versions-c");
        a.asOwner().body(Map.of("config", Map.of("perOrder", "1"), "version", "1.0.0")).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200).body("enabledVersion", equalTo("1.0.0")).body("versions", equalTo(List.of("1.1.0", "1.0.0")));
        b.asOwner().body(Map.of("config", Map.of("perOrder", "1"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200).body("enabledVersion", equalTo("1.1.0"));

        a.asOwner().get("/api/v1/market/modules/" + id).then().statusCode(200).body("enabled", equalTo(true))
                .body("enabledVersion", equalTo("1.0.0"));
        c.asOwner().get("/api/v1/market/modules/" + id).then().statusCode(200).body("enabled", equalTo(false))
                .body("enabledVersion", org.hamcrest.Matchers.nullValue());
        assertThat(merchantsPerVersion(developer, id)).isEqualTo(Map.of("1.1.0", 1, "1.0.0", 1));

        a.asOwner().body(Map.of("config", Map.of("perOrder", "1"), "version", "1.1.0")).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200);
        b.asOwner().delete("/api/v1/plugins/" + id + "/enablement").then().statusCode(200);
        assertThat(merchantsPerVersion(developer, id)).isEqualTo(Map.of("1.1.0", 1, "1.0.0", 0));
    }

    private static Map<String, Integer> merchantsPerVersion(Developer developer, String id) {
        List<Map<String, Object>> versions = Merchants.as(developer.token()).get("/api/v1/market/developer/modules").then().statusCode(200)
                .extract().jsonPath().getList("find { it.id == '" + id + "' }.versions");
        Map<String, Integer> counts = new java.util.HashMap<>();
        versions.forEach(v -> counts.put((String) v.get("version"), (Integer) v.get("merchants")));
        return counts;
    }

    @Test
    void unsignedTamperedForgedUnsafeAndIncompatiblePackagesAreRefusedWithTheReason() throws IOException {
        Developer developer = Developer.register();
        String id = moduleId("refused");
        byte[] pack = pack(id, "1.0.0", "^1.0.0");

        developer.upload(pack, MarketPackages.digest(pack), null, null).statusCode(422).body("code", equalTo("PACKAGE_UNSIGNED"));
        developer.upload(pack, null, developer.keyId(), MarketPackages.sign(developer.keys(), pack))
                .statusCode(400).body("code", equalTo("DIGEST_MISSING"));

        byte[] tampered = pack.clone();
        tampered[tampered.length / 2] ^= 0x20;
        developer.upload(tampered, MarketPackages.digest(pack), developer.keyId(), MarketPackages.sign(developer.keys(), pack))
                .statusCode(422).body("code", equalTo("CHECKSUM_MISMATCH"));
        developer.upload(tampered, MarketPackages.digest(tampered), developer.keyId(), MarketPackages.sign(developer.keys(), pack))
                .statusCode(422).body("code", equalTo("SIGNATURE_INVALID"));
        developer.upload(pack, MarketPackages.digest(pack), developer.keyId(), MarketPackages.sign(MarketPackages.newKeys(), pack))
                .statusCode(422).body("code", equalTo("SIGNATURE_INVALID"));

        byte[] traversal = MarketPackages.zip(MarketPackages.manifest(id, "1.0.0", "^1.0.0"), pluginJar(id, "1.0.0", "^1.0.0"),
                Map.of("../../etc/cron.d/evil", "* * * * * root sh".getBytes()));
        developer.upload(traversal).statusCode(422).body("code", equalTo("PACKAGE_UNSAFE"))
                .body("detail", containsString("../../etc/cron.d/evil"));

        developer.upload(pack(id, "1.0.0", ">=2.0.0")).statusCode(422).body("code", equalTo("PLUGIN_API_INCOMPATIBLE"))
                .body("detail", containsString("plugin-api " + PluginApi.VERSION));

        byte[] disagreeing = MarketPackages.zip(MarketPackages.manifest(id, "1.0.1", "^1.0.0"), pluginJar(id, "1.0.0", "^1.0.0"),
                Map.of("icon.png", MarketPackages.ICON));
        developer.upload(disagreeing).statusCode(422).body("code", equalTo("MANIFEST_INVALID"))
                .body("errors.field", hasItem("manifest.version"));

        Merchants.as(developer.token()).delete("/api/v1/market/developer/keys/" + developer.keyId()).then().statusCode(200);
        developer.upload(pack).statusCode(422).body("code", equalTo("KEY_REVOKED"));

        Merchants.as(developer.token()).get("/api/v1/market/developer/modules").then().statusCode(200).body("id", not(hasItem(id)));
        assertThat(stored(id)).as("nothing refused was kept").isFalse();
    }

    @Test
    void aModuleIdBelongsToWhoeverClaimedItAndAnUploadedVersionNeverChanges() throws IOException {
        Developer first = Developer.register();
        Developer second = Developer.register();
        String id = moduleId("claimed");
        String admin = KeycloakAdminAccess.platformAdminToken();

        first.upload(pack(id, "1.0.0", "^1.0.0")).statusCode(201);
        second.upload(pack(id, "1.1.0", "^1.0.0")).statusCode(409).body("code", equalTo("MODULE_OWNED_ELSEWHERE"));
        first.upload(pack(id, "1.0.0", "^1.0.0")).statusCode(409).body("code", equalTo("VERSION_EXISTS"));

        Merchants.as(admin).body(Map.of("reason", "The description promises more than the plugin does"))
                .post("/api/v1/market/review/versions/" + id + "/1.0.0/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        Merchants.as(admin).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(409)
                .body("code", equalTo("ALREADY_REVIEWED"));
        Merchants.as(first.token()).get("/api/v1/market/developer/modules").then()
                .body("find { it.id == '" + id + "' }.versions[0].reviewNote", equalTo("The description promises more than the plugin does"));
        Merchants.signUp("market-reject").asOwner().get("/api/v1/market/modules/" + id).then().statusCode(404);
    }

    @Test
    void developerRegistrationIsPublicButTheDeveloperAreaIsNot() {
        RestAssured.given().get("/api/v1/market/developer").then().statusCode(401);
        Merchants.signUp("market-owner").asOwner().get("/api/v1/market/developer").then().statusCode(403);
        RestAssured.given().contentType("application/json").body(Map.of("name", "", "email", "nope", "password", "short"))
                .post("/api/v1/market/developers").then().statusCode(400).body("errors.field", hasItem("email"));
        Developer developer = Developer.register();
        Merchants.as(developer.token()).body(Map.of("publicKey", "bm90IGEga2V5")).post("/api/v1/market/developer/keys")
                .then().statusCode(400).body("errors[0].field", equalTo("publicKey"));
    }

    private byte[] pack(String id, String version, String requires) throws IOException {
        return MarketPackages.pack(build, id, version, requires);
    }

    private byte[] pluginJar(String id, String version, String requires) throws IOException {
        return MarketPackages.pluginJar(build, id, version, requires);
    }

    private static String moduleId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean stored(String id) {
        String dir = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("memberhub.market.dir", String.class);
        return Files.exists(Path.of(dir, id));
    }

    private static long order(Merchant m, String memberId) {
        String externalId = "market-" + UUID.randomUUID();
        Map<String, Object> order = Map.of("memberId", memberId, "externalId", externalId, "amount", 2_000, "channel", "shop",
                "paidAt", Instant.now().minusSeconds(60).toString(),
                "items", List.of(Map.of("name", "Apples", "category", "fruit", "quantity", 1, "amount", 2_000)));
        return m.asOwner().header("Idempotency-Key", externalId).body(order).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("pointsEarned");
    }

    private static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(PackageSignature.sha256(bytes));
    }

    private static Object storedSecret(Merchant merchant, String pluginId) {
        return io.memberhub.platform.TenantSql.query(merchant.id(), "select config ->> 'apiSecret' as secret from tenant_plugin where plugin_id = ?",
                pluginId).getFirst().get("secret");
    }
}
