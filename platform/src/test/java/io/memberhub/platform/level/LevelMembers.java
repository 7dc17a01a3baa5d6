package io.memberhub.platform.level;

import io.memberhub.platform.Merchants.Merchant;
import java.time.Instant;

/** Members with spend behind them, made through the API for level tests. */
final class LevelMembers {

    private LevelMembers() {
    }

    /** A new member with one paid order a minute ago per amount (fen), external ids {@code <phone>-0}, {@code <phone>-1}, ... */
    static String withOrders(Merchant m, String phone, long... orders) {
        String member = m.member(phone);
        for (int i = 0; i < orders.length; i++) {
            m.order(member, phone + "-" + i, orders[i], Instant.now().minusSeconds(60));
        }
        return member;
    }
}
