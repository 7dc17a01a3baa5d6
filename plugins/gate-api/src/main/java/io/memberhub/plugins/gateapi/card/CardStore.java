package io.memberhub.plugins.gateapi.card;

import io.memberhub.plugin.api.PluginContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** Cards the front desk handed out, in the plugin's table {@code gate_api_card}: card id to member. */
public final class CardStore {

    private static final String TABLE = "gate_api_card";

    private CardStore() {
    }

    public static Optional<UUID> member(PluginContext context, String cardId) {
        return context.tables().select(TABLE, Map.of("card_id", cardId)).stream().findFirst()
                .map(row -> UUID.fromString((String) row.get("member_id")));
    }

    public static List<String> ofMember(PluginContext context, UUID memberId) {
        return context.tables().select(TABLE, Map.of("member_id", memberId.toString())).stream()
                .map(row -> (String) row.get("card_id")).sorted().toList();
    }

    /** Every member's cards, for an allow-list. */
    public static Map<UUID, TreeSet<String>> all(PluginContext context) {
        Map<UUID, TreeSet<String>> cards = new HashMap<>();
        for (Map<String, Object> row : context.tables().select(TABLE, Map.of())) {
            cards.computeIfAbsent(UUID.fromString((String) row.get("member_id")), m -> new TreeSet<>()).add((String) row.get("card_id"));
        }
        return cards;
    }

    /** Hands the card to the member; a card that was someone else's moves (a lost card found and reissued). */
    public static void assign(PluginContext context, String cardId, UUID memberId) {
        if (context.tables().update(TABLE, Map.of("card_id", cardId), Map.of("member_id", memberId.toString())) == 0) {
            if (!context.tables().insertIfAbsent(TABLE, Map.of("card_id", cardId, "member_id", memberId.toString()))) {
                context.tables().update(TABLE, Map.of("card_id", cardId), Map.of("member_id", memberId.toString()));
            }
        }
    }

    public static boolean withdraw(PluginContext context, String cardId) {
        return context.tables().delete(TABLE, Map.of("card_id", cardId)) > 0;
    }
}
