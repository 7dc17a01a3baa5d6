package io.memberhub.plugins.storeverification.offline;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.coupon.MemberCoupon;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugins.kit.Json;
import io.memberhub.plugins.storeverification.benefit.BenefitRoutes;
import io.memberhub.plugins.storeverification.benefit.CounterBenefit;
import io.memberhub.plugins.storeverification.redeem.CounterRoutes;
import io.memberhub.plugins.storeverification.redeem.RedemptionLog;
import io.memberhub.plugins.storeverification.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a scanner needs to serve members while it cannot reach the platform, one page of members at a
 * time: the counter benefits, and per member the level, the usable coupons and the benefits already used
 * in the period current when it was made. Signed with the merchant's key ({@code MHDATA1.<kid>.store-verification....}),
 * so the scanner trusts nothing it did not get from the merchant; member codes are checked with the
 * merchant's public keys.
 *
 * <p>Content (JSON): {@code {"v": 1, "tenant", "store", "timeZone", "generatedAt", "validUntil", "after", "next",
 * "benefits": [{"name", "title", "levels", "period"}], "members": [{"m": member id, "l": level or null,
 * "c": [coupons as {@code POST /scan} shows them], "u": [benefits used]}]}}.
 */
public final class OfflineCache {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private OfflineCache() {
    }

    /** The signed page, how many members it holds, and the member id to ask for the next page after (null: the last page). */
    public record Signed(String signed, int members, UUID next, Instant generatedAt, Instant validUntil) {
    }

    public static Signed build(PluginContext context, Store store, UUID after, int limit, Instant now, Duration validity) {
        ZoneId zone = ZoneId.of(context.merchant().timeZone());
        List<CounterBenefit> benefits = BenefitRoutes.all(context);
        Map<String, List<String>> used = new HashMap<>();
        for (CounterBenefit benefit : benefits) {
            for (String member : RedemptionLog.benefitUsers(context, benefit.name(), benefit.period().key(now, zone))) {
                used.computeIfAbsent(member, m -> new ArrayList<>()).add(benefit.name());
            }
        }
        List<MemberLevel> page = context.levels().members(after, limit);
        Map<UUID, List<MemberCoupon>> coupons = context.coupons().ofMembers(page.stream().map(MemberLevel::memberId).toList());
        List<Map<String, Object>> members = new ArrayList<>();
        for (MemberLevel standing : page) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("m", standing.memberId().toString());
            entry.put("l", standing.level() == null ? null : standing.level().name());
            entry.put("c", coupons.getOrDefault(standing.memberId(), List.of()).stream().map(CounterRoutes::coupon).toList());
            entry.put("u", used.getOrDefault(standing.memberId().toString(), List.of()));
            members.add(entry);
        }
        UUID next = page.size() < limit ? null : page.getLast().memberId();
        Instant validUntil = now.plus(validity);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("v", 1);
        content.put("tenant", context.tenant().id());
        content.put("store", store.storeId());
        content.put("timeZone", zone.getId());
        content.put("generatedAt", now.toString());
        content.put("validUntil", validUntil.toString());
        content.put("after", after == null ? null : after.toString());
        content.put("next", next == null ? null : next.toString());
        content.put("benefits", benefits.stream().map(CounterBenefit::toJson).toList());
        content.put("members", members);
        return new Signed(context.memberCodes().sign(Json.write(content)), members.size(), next, now, validUntil);
    }
}
