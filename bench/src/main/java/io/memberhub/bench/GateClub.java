package io.memberhub.bench;

import io.memberhub.launcher.MarketJourney;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A merchant with the gate-api plugin enabled, one level, a zone for it, one gate (a registered
 * device) and members with cards {@code C-0}, {@code C-1}, ...: what the gate benchmarks check against.
 */
record GateClub(MarketJourney.Merchant merchant, MarketJourney.Device gate, List<String> members) {

    static final String CHECK = "/api/v1/ext/gate-api/check";

    static GateClub open(MarketJourney market, String name, int members) throws Exception {
        market.publishBuiltPackage();
        MarketJourney.Merchant club = market.merchant(name);
        club.enable("gate-api", Map.of());
        club.call("POST", "/api/v1/levels", Map.of("name", "Member", "rank", 0), 201);
        club.call("PUT", "/api/v1/ext/gate-api/zones/lobby", Map.of("levels", List.of("Member")), 200);
        MarketJourney.Device device = club.device("Bench gate", "GATE");
        club.call("PUT", "/api/v1/ext/gate-api/gates/lobby-1", Map.of("deviceId", device.id(), "zone", "lobby"), 200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String member = club.member("1360000" + String.format("%04d", i));
            club.call("PUT", "/api/v1/ext/gate-api/cards/C-" + i, Map.of("memberId", member), 200);
            ids.add(member);
        }
        return new GateClub(club, device, List.copyOf(ids));
    }

    /** The body of a gate check: a new event id and one of the cards. */
    static String check(String eventId, int card) {
        return "{\"eventId\":\"" + eventId + "\",\"cardId\":\"C-" + card + "\"}";
    }
}
