package io.memberhub.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.launcher.MarketJourney;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide's journey, against the real platform: the market package this build made is
 * signed and uploaded by a developer, published, enabled by a merchant, and the merchant's next
 * order earns the bonus.
 */
class OrderBonusIT {

    private static MarketJourney market;

    @BeforeAll
    static void startPlatform() throws Exception {
        market = MarketJourney.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (market != null) {
            market.close();
        }
    }

    @Test
    void theBuiltPackageIsUploadedEnabledAndRewardsOrders() throws Exception {
        JsonNode uploaded = market.publishBuiltPackage();
        assertThat(uploaded.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(uploaded.get("moduleId").asText()).isEqualTo("example-order-bonus");

        MarketJourney.Merchant shop = market.merchant("Example Shop");
        JsonNode listed = shop.call("GET", "/api/v1/market/modules/example-order-bonus", null, 200);
        assertThat(listed.get("config").get(0).get("key").asText()).isEqualTo("pointsPerOrder");
        shop.enable("example-order-bonus", Map.of("pointsPerOrder", "5"));

        String memberId = shop.member("13700000001");
        JsonNode order = shop.callOnce("example-1", "POST", "/api/v1/orders", Map.of("memberId", memberId, "externalId", "example-1",
                "amount", 2_000, "channel", "shop", "paidAt", Instant.now().minusSeconds(60).toString(),
                "items", List.of(Map.of("name", "Apples", "category", "fruit", "quantity", 1, "amount", 2_000))), 201);
        assertThat(order.get("pointsEarned").asLong()).as("20 yuan at 1 point per yuan, plus the bonus of 5").isEqualTo(25);
    }
}
