package io.memberhub.plugins.gateapi;

import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.MarketJourney.Merchant;
import java.util.List;
import java.util.Map;

/**
 * A merchant with the gate API enabled, levels Silver, Gold and Platinum (both counting visits toward
 * the next), a spa zone for Gold and Platinum with a registered gate at it, a Gold and a Silver
 * member, and card C-100 for the Gold one.
 */
record GateClub(Merchant merchant, MarketJourney.Device gate, String gold, String silver) {

    static GateClub open(MarketJourney market, String name, String goldPhone, String silverPhone) throws Exception {
        Merchant m = market.merchant(name);
        m.enable("gate-api", Map.of());
        m.call("POST", "/api/v1/levels", Map.of("name", "Silver", "rank", 0), 201);
        String goldLevel = m.call("POST", "/api/v1/levels", Map.of("name", "Gold", "rank", 1,
                "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 50)), 201).get("id").asText();
        m.call("POST", "/api/v1/levels", Map.of("name", "Platinum", "rank", 2,
                "upgradeRule", Map.of("metric", "VISIT_COUNT", "atLeast", 100)), 201);
        String gold = m.member(goldPhone);
        String silver = m.member(silverPhone);
        m.call("PUT", "/api/v1/members/" + gold + "/level", Map.of("levelId", goldLevel, "reason", "Bought the spa pass"), 200);
        m.call("PUT", "/api/v1/ext/gate-api/zones/spa", Map.of("levels", List.of("Gold", "Platinum")), 200);
        MarketJourney.Device gate = m.device("Spa gate", "GATE");
        m.call("PUT", "/api/v1/ext/gate-api/gates/spa-1", Map.of("deviceId", gate.id(), "zone", "spa", "name", "Spa entrance"), 200);
        m.call("PUT", "/api/v1/ext/gate-api/cards/C-100", Map.of("memberId", gold), 200);
        return new GateClub(m, gate, gold, silver);
    }
}
