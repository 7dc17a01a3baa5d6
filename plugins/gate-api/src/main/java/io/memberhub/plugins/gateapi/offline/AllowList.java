package io.memberhub.plugins.gateapi.offline;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugins.gateapi.card.CardStore;
import io.memberhub.plugins.gateapi.gate.Gate;
import io.memberhub.plugins.gateapi.zone.Zone;
import io.memberhub.plugins.kit.Json;
import io.memberhub.plugins.kit.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may pass a gate while it cannot reach the platform: the members whose level the gate's zone
 * admits, each with the cards they hold and, when the level is a paid one, when it runs out. Signed
 * with the merchant's key ({@code MHDATA1....}), so that the gate trusts nothing it did not get from
 * the merchant. The other plugins' access policies (a gym's hours) cannot be asked offline: offline
 * decisions go by level and validity alone.
 *
 * <p>Content (JSON): {@code {"v": 1, "tenant", "zone", "gate", "levels": [...], "generatedAt", "validUntil",
 * "members": [{"m": member id, "l": level, "u": paid level's end or null, "c": [card ids]}]}}.
 */
public final class AllowList {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    private static final int PAGE = 1000;

    private AllowList() {
    }

    /** The signed list and how many members it names. */
    public record Signed(String signed, int members, Instant generatedAt, Instant validUntil) {
    }

    public static Signed build(PluginContext context, Gate gate, Zone zone, Instant now, Duration validity) {
        Map<UUID, TreeSet<String>> cards = CardStore.all(context);
        List<Map<String, Object>> members = new ArrayList<>();
        UUID after = null;
        for (List<MemberLevel> page = context.levels().members(null, PAGE); !page.isEmpty(); page = context.levels().members(after, PAGE)) {
            for (MemberLevel standing : page) {
                after = standing.memberId();
                String level = standing.level() == null ? null : standing.level().name();
                if (!zone.admits(level)) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("m", standing.memberId().toString());
                entry.put("l", level);
                boolean paid = level != null && standing.paidLevel() != null && level.equals(standing.paidLevel().name())
                        && standing.paidUntil() != null;
                entry.put("u", paid ? standing.paidUntil().toString() : null);
                entry.put("c", List.copyOf(cards.getOrDefault(standing.memberId(), new TreeSet<>())));
                members.add(entry);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Instant validUntil = now.plus(validity);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("v", 1);
        content.put("tenant", context.tenant().id());
        content.put("zone", zone.name());
        content.put("gate", gate.gateId());
        content.put("levels", zone.levels());
        content.put("generatedAt", now.toString());
        content.put("validUntil", validUntil.toString());
        content.put("members", members);
        return new Signed(context.memberCodes().sign(Json.write(content)), members.size(), now, validUntil);
    }

    /** The merchant's setting {@code allowListValidity} in hours (1 to 168), else a day. */
    public static Duration validity(PluginContext context) {
        return Settings.hours(context, "allowListValidity", DEFAULT_VALIDITY, 168);
    }
}
