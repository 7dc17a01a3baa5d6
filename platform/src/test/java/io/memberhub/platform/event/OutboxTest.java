package io.memberhub.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Test
    void everyRecordedChangeLeavesExactlyOneEventAndARefusedOneLeavesNone() {
        Merchant m = Merchants.signUp("outbox");
        m.asOwner().body(Map.of("name", "Member", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        String member = m.asOwner().body(Map.of("phone", "14400000001")).post("/api/v1/members").then().statusCode(201).extract().path("id");
        Map<String, Object> order = Map.of("memberId", member, "externalId", "E-1", "amount", 2_000, "channel", "shop",
                "paidAt", Instant.now().minusSeconds(60).toString());

        m.asOwner().header("Idempotency-Key", "e1").body(order).post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "e1").body(order).post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "r1").body(Map.of("amount", 5_000)).post("/api/v1/orders/E-1/refunds").then().statusCode(422);

        assertThat(eventCounts(m.id())).containsExactlyInAnyOrderEntriesOf(Map.of("OrderRecorded", 1L, "LevelChanged", 1L));
    }

    private static Map<String, Long> eventCounts(String tenantId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TenantSql.query(tenantId, "select type, count(*) as n from outbox_event group by type")
                .forEach(row -> counts.put((String) row.get("type"), ((Number) row.get("n")).longValue()));
        return counts;
    }
}
