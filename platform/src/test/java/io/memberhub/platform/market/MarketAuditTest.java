package io.memberhub.platform.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.market.MarketPackages.Developer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What platform operators and developers do to the market goes to the platform's audit log, which
 * only operators read; what a merchant then does with a module goes to that merchant's log.
 */
@QuarkusTest
class MarketAuditTest {

    @TempDir
    Path build;

    @Test
    void reviewsKeysAndUploadsAreInTheOperatorsLogAndEnablingIsInTheMerchants() throws IOException {
        Developer developer = Developer.register();
        String developerEmail = Merchants.as(developer.token()).get("/api/v1/market/developer").then().extract().path("email");
        String id = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String operator = KeycloakAdminAccess.platformAdminToken();
        String operatorEmail = new JsonPath(new String(java.util.Base64.getUrlDecoder().decode(operator.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).getString("email");
        developer.upload(MarketPackages.pack(build, id, "1.0.0", "^1.0.0")).statusCode(201);
        Merchants.as(operator).post("/api/v1/market/review/versions/" + id + "/9.9.9/publication").then().statusCode(404);
        Merchants.as(operator).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(200);
        Merchants.as(operator).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication").then().statusCode(409);

        JsonPath module = operatorLog(operator, Map.of("targetId", id));
        assertThat(module.getList("entries.action")).as("the refused reviews left nothing")
                .containsExactly("market.version_published", "market.version_uploaded");
        assertThat(module.getString("entries[0].actor.kind")).isEqualTo("OPERATOR");
        assertThat(module.getString("entries[0].actor.role")).isEqualTo("platform-admin");
        assertThat(module.getString("entries[0].actor.email")).isEqualTo(operatorEmail).startsWith("operator-");
        assertThat(module.getString("entries[0].details.version")).isEqualTo("1.0.0");
        assertThat(module.getString("entries[0].sourceIp")).isEqualTo("127.0.0.1");
        assertThat(module.getString("entries[1].actor.kind")).isEqualTo("DEVELOPER");
        assertThat(module.getString("entries[1].actor.email")).isEqualTo(developerEmail);
        JsonPath key = operatorLog(operator, Map.of("action", "market.key_registered", "actor", developerEmail));
        assertThat(key.getList("entries.target.id")).containsExactly(developer.keyId());
        assertThat(operatorLog(operator, Map.of("actor", operatorEmail)).getList("entries.action")).containsExactly("market.version_published");

        Merchant merchant = Merchants.signUp("market-audit");
        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "9", "apiSecret", "s3cret-value"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200);
        merchant.asOwner().body(Map.of("config", Map.of("perOrder", "10", "apiSecret", "***"))).put("/api/v1/plugins/" + id + "/enablement")
                .then().statusCode(200);
        merchant.asOwner().delete("/api/v1/plugins/" + id + "/enablement").then().statusCode(200);

        JsonPath mine = merchant.asOwner().queryParam("targetType", "plugin").get("/api/v1/audit-log").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getList("entries.action")).containsExactly("plugin.disabled", "plugin.settings_saved", "plugin.enabled");
        assertThat(mine.getList("entries[2].details.settings")).as("the names of the settings, never their values")
                .containsExactly("apiSecret", "perOrder");
        assertThat(mine.getString("entries[2].details.enabledVersion")).isEqualTo("1.0.0");
        assertThat(mine.prettify()).doesNotContain("s3cret-value").doesNotContain("\"10\"");
        assertThat(merchant.asOwner().queryParam("action", "market.").get("/api/v1/audit-log").then().extract().jsonPath()
                .getList("entries")).as("the platform's entries are not any merchant's").isEmpty();
        merchant.asOwner().get("/api/v1/operator/audit-log").then().statusCode(403);
        Merchants.as(developer.token()).get("/api/v1/operator/audit-log").then().statusCode(403);
    }

    private static JsonPath operatorLog(String operator, Map<String, ?> query) {
        return Merchants.as(operator).queryParams(query).get("/api/v1/operator/audit-log").then().statusCode(200).extract().jsonPath();
    }
}
