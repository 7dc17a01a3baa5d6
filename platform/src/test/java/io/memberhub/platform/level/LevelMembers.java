package io.memberhub.platform.level;

import io.memberhub.platform.Merchants.Merchant;
import java.time.Instant;
import java.util.Map;

/** Members with spend behind them, made through the API for level tests. */
final class LevelMembers {

    private LevelMembers() {
    }

    /** A new member with one paid order a minute ago per amount (fen), external ids {@code <phone>-0}, {@code <phone>-1}, ... */
    static String withOrders(Merchant m, String phone, long... orders) {
        String member = m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
        for (int i = 0; i < orders.length; i++) {
            String externalId = phone + "-" + i;
            m.asOwner().header("Idempotency-Key", externalId)
                    .body(Map.of("memberId", member, "externalId", externalId, "amount", orders[i], "channel", "shop",
                            "paidAt", Instant.now().minusSeconds(60).toString()))
                    .post("/api/v1/orders").then().statusCode(201);
        }
        return member;
    }
}
