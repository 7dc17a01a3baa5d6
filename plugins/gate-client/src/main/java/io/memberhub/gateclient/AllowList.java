package io.memberhub.gateclient;

import io.memberhub.plugins.kit.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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

    private static final String PREFIX = "MHDATA1.";
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
        if (signed == null || !signed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not signed data of the platform");
        }
        int lastDot = signed.lastIndexOf('.');
        String[] parts = signed.substring(PREFIX.length(), lastDot).split("\\.");
        if (parts.length != 3 || !parts[1].equals(PLUGIN)) {
            throw new IllegalArgumentException("Not an allow-list of the gate API");
        }
        byte[] signature = Base64.getUrlDecoder().decode(signed.substring(lastDot + 1));
        if (!keys.verify(parts[0], signed.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new IllegalArgumentException("The allow-list's signature is not the merchant's");
        }
        String content = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        return new AllowList(Json.object(content));
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
