package io.memberhub.plugins.storeverification.offline;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.membercode.VerificationKey;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import io.memberhub.plugins.kit.Settings;
import io.memberhub.plugins.storeverification.Ids;
import io.memberhub.plugins.storeverification.redeem.Redeemer;
import io.memberhub.plugins.storeverification.redeem.Redemption;
import io.memberhub.plugins.storeverification.redeem.Refused;
import io.memberhub.plugins.storeverification.store.Store;
import io.memberhub.plugins.storeverification.store.StoreRoutes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * A scanner's offline mode, for staff and scanners. {@code GET /offline-cache?store=&after=&limit=}: a signed
 * page of the cache and the merchant's public keys. {@code POST /offline-redemptions} {@code {"redemptions":
 * [...]}}: what was handed over meanwhile, uploaded once back; each event is taken once however often it is
 * uploaded, and one that cannot be taken now (a coupon redeemed twice while offline, a benefit used twice
 * in its period) is answered CONFLICT and listed in {@code GET /conflicts?store=&limit=}.
 */
@Extension
public class OfflineRoutes implements RouteHandler {

    /** Each upload is one plugin call with a time limit: a scanner sends a long queue in parts. */
    public static final int MAX_UPLOAD = 100;
    /** A page is two reads of the platform (levels, coupons); its size keeps the answer well under a route's 1 MiB. */
    public static final int MAX_PAGE = 500;
    private static final Set<String> ITEM = Set.of("eventId", "memberId", "store", "coupon", "benefit", "at");
    private static final Pattern SETTLE = Pattern.compile("/conflicts/([A-Za-z0-9][A-Za-z0-9._:-]{0,63})/settle");
    private static final int MAX_NOTE = 500;

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        boolean cache = request.path().equals("/offline-cache") && request.method().equals("GET");
        boolean upload = request.path().equals("/offline-redemptions") && request.method().equals("POST");
        boolean conflicts = request.path().equals("/conflicts") && request.method().equals("GET");
        Matcher settle = SETTLE.matcher(request.path());
        if (settle.matches() && request.method().equals("POST") && Routes.managedBy(request)) {
            return settle(request, context, settle.group(1));
        }
        if (!(cache || upload || conflicts) || !Routes.staffOrDevice(request)) {
            return RouteResponse.notFound();
        }
        try {
            if (conflicts) {
                return Routes.json(200, ConflictLog.recent(context, request.queryParam("store"), "true".equals(request.queryParam("open")),
                        Routes.limit(request, 50, 500)));
            }
            return cache ? cache(request, context) : upload(request, context);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }

    /** {@code POST /conflicts/{eventId}/settle} {@code {"note"}}: the merchant dealt with it; once, by a named owner or admin. */
    private static RouteResponse settle(RouteRequest request, PluginContext context, String eventId) {
        if (request.staffId() == null) {
            return Problems.forbidden("FORBIDDEN", "A conflict is settled by a person: sign in as the merchant's owner or an admin");
        }
        String note;
        try {
            JsonFields fields = new JsonFields(request.body(), "settlement", Set.of("note"));
            note = fields.text("note", true);
            if (note != null && (note.isBlank() || note.length() > MAX_NOTE)) {
                fields.error("note", "must say in 1-" + MAX_NOTE + " characters how the conflict was settled");
            }
            fields.check();
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
        return switch (ConflictLog.settle(context, eventId, request.staffId(), note.strip())) {
            case ConflictLog.Settling.Settled settled -> Routes.json(200, settled.entry());
            case ConflictLog.Settling.Unknown unknown -> Problems.notFound("CONFLICT_NOT_FOUND", "No offline redemption " + eventId
                    + " was refused; GET /conflicts lists those that were");
            case ConflictLog.Settling.AlreadySettled already -> Problems.conflict("CONFLICT_ALREADY_SETTLED", "Conflict " + eventId
                    + " was settled at " + ((Map<?, ?>) already.entry().get("settled")).get("at"));
        };
    }

    private static RouteResponse cache(RouteRequest request, PluginContext context) {
        String storeId = request.queryParam("store");
        if (storeId == null) {
            throw new BadRequest("store", "is required: the store the scanner serves");
        }
        Store store = StoreRoutes.find(context, storeId).orElseThrow(() -> new BadRequest("store", "'" + storeId + "' is not one of the stores "
                + StoreRoutes.all(context).stream().map(Store::storeId).toList()));
        UUID after;
        try {
            after = request.queryParam("after") == null ? null : UUID.fromString(request.queryParam("after"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("after", "must be the member id the previous page named as next");
        }
        OfflineCache.Signed signed = OfflineCache.build(context, store, after, Routes.limit(request, 200, MAX_PAGE), Instant.now(),
                Settings.hours(context, "cacheValidity", OfflineCache.DEFAULT_VALIDITY, 168));
        List<Map<String, Object>> keys = new ArrayList<>();
        for (VerificationKey key : context.memberCodes().keys()) {
            keys.add(Map.of("kid", key.kid(), "algorithm", key.algorithm(), "publicKey", key.publicKey(), "retired", key.retired()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cache", signed.signed());
        body.put("keys", keys);
        body.put("store", store.storeId());
        body.put("members", signed.members());
        body.put("next", signed.next() == null ? null : signed.next().toString());
        body.put("generatedAt", signed.generatedAt().toString());
        body.put("validUntil", signed.validUntil().toString());
        return Routes.json(200, body);
    }

    private static RouteResponse upload(RouteRequest request, PluginContext context) {
        Instant now = Instant.now();
        JsonFields fields = new JsonFields(request.body(), "upload", Set.of("redemptions"));
        if (!fields.has("redemptions")) {
            fields.error("redemptions", "is required: what the scanner handed over offline");
        }
        List<Redemption> queued = new ArrayList<>();
        for (JsonFields item : fields.objects("redemptions", "redemption", ITEM, MAX_UPLOAD)) {
            Redemption asked = item(context, item, request, now);
            if (asked != null) {
                queued.add(asked);
            }
        }
        if (queued.stream().map(Redemption::eventId).distinct().count() < queued.size()) {
            fields.error("redemptions", "names an event id twice; every redemption has its own");
        }
        fields.check();
        List<Map<String, Object>> results = new ArrayList<>();
        int recorded = 0;
        int duplicates = 0;
        int conflicts = 0;
        for (Redemption asked : queued) {
            Map<String, Object> result = take(context, asked);
            results.add(result);
            switch ((String) result.get("outcome")) {
                case "RECORDED" -> recorded++;
                case "DUPLICATE" -> duplicates++;
                default -> conflicts++;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recorded", recorded);
        body.put("duplicates", duplicates);
        body.put("conflicts", conflicts);
        body.put("results", results);
        return Routes.json(200, body);
    }

    /** One queued redemption: RECORDED, DUPLICATE (taken before) or CONFLICT (now or at an earlier upload). */
    private static Map<String, Object> take(PluginContext context, Redemption asked) {
        Optional<Map<String, Object>> conflict = ConflictLog.find(context, asked.eventId());
        if (conflict.isPresent()) {
            return conflict.get();
        }
        Redeemer.Outcome outcome = Redeemer.earlier(context, asked.eventId(), asked.kind(), asked.item(), asked.storeId(), asked.memberId())
                .orElseGet(() -> Redeemer.redeem(context, asked, null, false));
        return switch (outcome) {
            case Redeemer.Done done -> Map.of("eventId", asked.eventId(), "outcome", done.replayed() ? "DUPLICATE" : "RECORDED");
            case Refused refused -> {
                ConflictLog.add(context, asked, refused);
                yield refused.toJson(asked.eventId());
            }
        };
    }

    private static Redemption item(PluginContext context, JsonFields item, RouteRequest request, Instant now) {
        String eventId = item.text("eventId", true);
        if (eventId != null && !Ids.valid(eventId)) {
            item.error("eventId", Ids.RULE);
        }
        UUID memberId = item.parsed("memberId", true, UUID::fromString, "must be the member id the scanner read from the member code");
        String store = item.text("store", true);
        StoreRoutes.check(context, item, "store", store);
        UUID coupon = item.parsed("coupon", false, UUID::fromString, "must be a coupon id from the cache");
        String benefit = item.text("benefit", false);
        if (item.has("coupon") == item.has("benefit")) {
            item.error("coupon", "give either the coupon or the benefit handed over");
        }
        if (benefit != null && !Ids.valid(benefit)) {
            item.error("benefit", Ids.RULE);
        }
        Instant at = item.instant("at", true);
        if (at != null && at.isAfter(now.plusSeconds(60))) {
            item.error("at", "is more than a minute ahead of the platform's clock");
        }
        if (eventId == null || memberId == null || store == null || (coupon == null && benefit == null) || at == null) {
            return null;
        }
        return new Redemption(eventId, coupon != null ? Redemption.COUPON : Redemption.BENEFIT, memberId,
                coupon != null ? coupon.toString() : benefit, null, store, request.staffId(), request.deviceId(), at.isAfter(now) ? now : at,
                true, null);
    }
}
