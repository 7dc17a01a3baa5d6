package io.memberhub.gateclient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A zone's allow-list as the gate-api plugin signs it: {@code MHDATA1.<kid>.gate-api.<content>.<signature>},
 * checked with the merchant's key before the gate believes a word of it.
 */
public final class AllowList {

    private static final String PLUGIN = "gate-api";

    /** One member who may pass: level, when a paid level runs out (or null), cards. */
    public record Entry(UUID memberId, String level, Instant validUntil, List<String> cards) {
    }

    private final String tenantId;
    private final String zone;
    private final Instant validUntil;
    private final Map<UUID, Entry> members = new HashMap<>();
    private final Map<String, Entry> cards = new HashMap<>();

    private AllowList(Map<String, Object> content) {
        this.tenantId = (String) content.get("tenant");
        this.zone = (String) content.get("zone");
        this.validUntil = Instant.parse((String) content.get("validUntil"));
        for (Object item : (List<?>) content.get("members")) {
            Map<?, ?> m = (Map<?, ?>) item;
            Entry entry = new Entry(UUID.fromString((String) m.get("m")), (String) m.get("l"),
                    m.get("u") == null ? null : Instant.parse((String) m.get("u")),
                    ((List<?>) m.get("c")).stream().map(String.class::cast).toList());
            members.put(entry.memberId(), entry);
            entry.cards().forEach(card -> cards.put(card, entry));
        }
    }

    /** Reads a signed allow-list; refused (IllegalArgumentException) unless the merchant's key signed it for the gate API. */
    public static AllowList verified(String signed, Keys keys) {
        return new AllowList(SignedData.verified(signed, keys, PLUGIN, "an allow-list"));
    }

    public String tenantId() {
        return tenantId;
    }

    public String zone() {
        return zone;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public int size() {
        return members.size();
    }

    public Optional<Entry> member(UUID memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    public Optional<Entry> card(String cardId) {
        return Optional.ofNullable(cards.get(cardId));
    }
}
