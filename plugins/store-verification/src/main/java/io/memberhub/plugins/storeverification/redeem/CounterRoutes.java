package io.memberhub.plugins.storeverification.redeem;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.coupon.MemberCoupon;
import io.memberhub.plugin.api.member.MemberProfile;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import io.memberhub.plugins.storeverification.Ids;
import io.memberhub.plugins.storeverification.benefit.BenefitRoutes;
import io.memberhub.plugins.storeverification.benefit.CounterBenefit;
import io.memberhub.plugins.storeverification.store.StoreRoutes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * The counter, for staff and scanners. {@code POST /scan} {@code {"code", "store"}}: who the member code
 * names, their level, the counter benefits of that level (and whether used this period), usable coupons
 * and points. {@code POST /redemptions} {@code {"eventId", "code" | "memberId", "store", "coupon" | "benefit"}}:
 * hands one over, once per event id (201; the same event again 200 {@code replayed: true}). {@code GET
 * /redemptions?store=&member=&limit=}: the log, newest first.
 */
@Extension
public class CounterRoutes implements RouteHandler {

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        boolean scan = request.path().equals("/scan") && request.method().equals("POST");
        boolean redeem = request.path().equals("/redemptions") && request.method().equals("POST");
        boolean log = request.path().equals("/redemptions") && request.method().equals("GET");
        if (!(scan || redeem || log) || !Routes.staffOrDevice(request)) {
            return RouteResponse.notFound();
        }
        try {
            return scan ? scan(request, context) : redeem ? redeem(request, context) : log(request, context);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        } catch (Refused refused) {
            return refused.toResponse();
        }
    }

    private static RouteResponse scan(RouteRequest request, PluginContext context) {
        JsonFields fields = new JsonFields(request.body(), "scan", Set.of("code", "store"));
        String code = code(fields);
        StoreRoutes.check(context, fields, "store", fields.text("store", true));
        fields.check();
        Redeemer.Member member = Redeemer.byCode(context, code);
        Instant now = Instant.now();
        ZoneId zone = ZoneId.of(context.merchant().timeZone());
        List<Map<String, Object>> benefits = new ArrayList<>();
        for (CounterBenefit benefit : BenefitRoutes.all(context)) {
            if (benefit.admits(member.level())) {
                Optional<Redemption> used = RedemptionLog.benefitUse(context, member.id(), benefit.name(), benefit.period().key(now, zone));
                Map<String, Object> json = benefit.toJson();
                json.remove("levels");
                json.put("available", used.isEmpty());
                json.put("usedAt", used.map(r -> r.at().toString()).orElse(null));
                json.put("usedAtStore", used.map(Redemption::storeId).orElse(null));
                benefits.add(json);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member.id().toString());
        body.put("name", context.members().find(member.id()).map(MemberProfile::name).orElse(null));
        body.put("level", member.level());
        body.put("benefits", benefits);
        body.put("coupons", context.coupons().ofMember(member.id()).stream().map(CounterRoutes::coupon).toList());
        body.put("points", context.points().balance(member.id()));
        return Routes.json(200, body);
    }

    private static RouteResponse redeem(RouteRequest request, PluginContext context) {
        JsonFields fields = new JsonFields(request.body(), "redemption", Set.of("eventId", "code", "memberId", "store", "coupon", "benefit"));
        String eventId = fields.text("eventId", true);
        if (eventId != null && !Ids.valid(eventId)) {
            fields.error("eventId", Ids.RULE + ", unique per redemption");
        }
        String code = fields.has("code") || !fields.has("memberId") ? code(fields) : null;
        UUID memberId = fields.parsed("memberId", false, UUID::fromString, "must be a member id");
        if (code != null && memberId != null) {
            fields.error("memberId", "give either the member code the member showed or the memberId staff looked up, not both");
        }
        String store = fields.text("store", true);
        StoreRoutes.check(context, fields, "store", store);
        Item item = item(context, fields);
        fields.check();
        Optional<Redeemer.Outcome> earlier = Redeemer.earlier(context, eventId, item.kind(), item.id(), store, memberId);
        if (earlier.isPresent()) {
            return answer(earlier.get());
        }
        Redeemer.Member member = code != null ? Redeemer.byCode(context, code) : Redeemer.byId(context, memberId);
        Redemption asked = new Redemption(eventId, item.kind(), member.id(), item.id(), null, store, request.staffId(), request.deviceId(),
                Instant.now(), false, null);
        return answer(Redeemer.redeem(context, asked, member.level(), true));
    }

    private static RouteResponse log(RouteRequest request, PluginContext context) {
        int limit = Routes.limit(request, 50, 500);
        String member = request.queryParam("member");
        UUID memberId;
        try {
            memberId = member == null ? null : UUID.fromString(member);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("member", "must be a member id");
        }
        return Routes.json(200, RedemptionLog.recent(context, request.queryParam("store"), memberId, limit).stream()
                .map(r -> r.toJson(false)).toList());
    }

    /** A coupon or a benefit, as a redemption names it. */
    record Item(String kind, String id) {
    }

    /** {@code coupon} (a coupon id) or {@code benefit} (one of the counter benefits' names); mistakes go to {@code fields}. */
    static Item item(PluginContext context, JsonFields fields) {
        UUID coupon = fields.parsed("coupon", false, UUID::fromString, "must be the id of one of the member's coupons");
        String benefit = fields.text("benefit", false);
        if (fields.has("coupon") == fields.has("benefit")) {
            fields.error("coupon", "give either the coupon or the benefit to redeem");
        }
        if (benefit != null && (!Ids.valid(benefit) || BenefitRoutes.find(context, benefit).isEmpty())) {
            fields.error("benefit", "'" + benefit + "' is not one of the counter benefits "
                    + BenefitRoutes.all(context).stream().map(CounterBenefit::name).toList());
        }
        return coupon != null ? new Item(Redemption.COUPON, coupon.toString()) : new Item(Redemption.BENEFIT, benefit);
    }

    private static String code(JsonFields fields) {
        String code = fields.text("code", true);
        if (code != null && code.length() > 2048) {
            fields.error("code", "is longer than any member code");
        }
        return code;
    }

    private static RouteResponse answer(Redeemer.Outcome outcome) {
        return switch (outcome) {
            case Redeemer.Done done -> Routes.json(done.replayed() ? 200 : 201, done.redemption().toJson(done.replayed()));
            case Refused refused -> refused.toResponse();
        };
    }

    /** A usable coupon as staff and the offline cache see it: value in fen, or percent for PERCENT_OFF. */
    public static Map<String, Object> coupon(MemberCoupon c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id().toString());
        json.put("code", c.code());
        json.put("name", c.name());
        json.put("kind", c.kind());
        json.put("value", c.value());
        json.put("minSpend", c.minSpend());
        json.put("expiresAt", c.expiresAt().toString());
        return json;
    }
}
