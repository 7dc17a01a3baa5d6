package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a merchant does with plugins in tests: members and orders that reach them, their state and storage. */
final class MerchantPlugins {

    static final String PAID_AT = Instant.now().minusSeconds(600).toString();
    /** 20.00 yuan at the default 1 point per yuan. */
    static final long AMOUNT = 2_000;
    static final long BASE_POINTS = 20;

    private MerchantPlugins() {
    }

    static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    /** Records an order of {@link #AMOUNT} and answers the points it earned. */
    static long order(Merchant m, String memberId, String externalId) {
        Map<String, Object> order = Map.of("memberId", memberId, "externalId", externalId, "amount", AMOUNT, "channel", "shop",
                "paidAt", PAID_AT, "items", List.of(Map.of("name", "Apples", "category", "fruit", "quantity", 1, "amount", AMOUNT)));
        return m.asOwner().header("Idempotency-Key", externalId).body(order).post("/api/v1/orders")
                .then().statusCode(201).extract().jsonPath().getLong("pointsEarned");
    }

    /** PUT /api/v1/plugins/{id}/enablement with a configuration and, unless null, a version. */
    static ValidatableResponse enable(Merchant m, String pluginId, String version, Map<String, String> config) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config", config);
        if (version != null) {
            body.put("version", version);
        }
        return m.asOwner().body(body).put("/api/v1/plugins/" + pluginId + "/enablement").then();
    }

    /** The plugin as the merchant's GET /api/v1/plugins lists it. */
    static JsonPath state(Merchant m, String pluginId) {
        JsonPath all = m.asOwner().get("/api/v1/plugins").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("id")).as("installed plugins").contains(pluginId);
        return all.setRootPath("find { it.id == '" + pluginId + "' }");
    }

    static Map<String, Object> storage(Merchant m, String pluginId) {
        Map<String, Object> values = new LinkedHashMap<>();
        TenantSql.query(m.id(), "select key, value from plugin_storage where plugin_id = ?", pluginId)
                .forEach(row -> values.put((String) row.get("key"), row.get("value")));
        return values;
    }
}
