package io.memberhub.plugins.gateapi.offline;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.membercode.VerificationKey;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gateapi.Names;
import io.memberhub.plugins.gateapi.check.CheckLog;
import io.memberhub.plugins.gateapi.check.Decision;
import io.memberhub.plugins.gateapi.check.GateCheck;
import io.memberhub.plugins.gateapi.gate.Gate;
import io.memberhub.plugins.gateapi.gate.GateStore;
import io.memberhub.plugins.gateapi.zone.Zone;
import io.memberhub.plugins.gateapi.zone.ZoneStore;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * A gate's offline mode. {@code GET /allow-list}: the signed allow-list of its zone and the merchant's
 * public keys, to decide by while the network is down. {@code POST /check-ins} {@code {"checkIns": [...]}}:
 * what it decided meanwhile, uploaded once it is back; each event is logged once however often it is
 * uploaded, and an ALLOW counts as the member's visit.
 */
@Extension
public class OfflineRoutes implements RouteHandler {

    /** Each upload is one plugin call with a time limit: a gate sends a long queue in parts. */
    public static final int MAX_UPLOAD = 100;
    private static final Pattern CREDENTIAL = Pattern.compile("code|card:" + Names.ID.pattern());
    private static final Set<String> ITEM = Set.of("eventId", "memberId", "credential", "verdict", "reason", "at");

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        boolean list = request.path().equals("/allow-list") && request.method().equals("GET");
        boolean upload = request.path().equals("/check-ins") && request.method().equals("POST");
        if (!(list || upload) || request.audience() != RouteRequest.Audience.STAFF) {
            return RouteResponse.notFound();
        }
        if (!Routes.device(request)) {
            return Problems.forbidden("FORBIDDEN", "Only a gate, with its own device credentials, works offline");
        }
        Optional<Gate> gate = GateStore.byDevice(context, request.deviceId());
        if (gate.isEmpty()) {
            return Problems.forbidden("GATE_NOT_REGISTERED", "This device is not registered as a gate");
        }
        Optional<Zone> zone = ZoneStore.find(context, gate.get().zone());
        if (zone.isEmpty()) {
            return Problems.conflict("ZONE_NOT_FOUND", "The gate's zone '" + gate.get().zone() + "' was removed; register the gate again");
        }
        try {
            return list ? allowList(context, gate.get(), zone.get()) : upload(context, request, gate.get(), zone.get());
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }

    private static RouteResponse allowList(PluginContext context, Gate gate, Zone zone) {
        AllowList.Signed signed = AllowList.build(context, gate, zone, Instant.now(), AllowList.validity(context));
        List<Map<String, Object>> keys = new ArrayList<>();
        for (VerificationKey key : context.memberCodes().keys()) {
            keys.add(Map.of("kid", key.kid(), "algorithm", key.algorithm(), "publicKey", key.publicKey(), "retired", key.retired()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowList", signed.signed());
        body.put("keys", keys);
        body.put("zone", zone.name());
        body.put("gate", gate.gateId());
        body.put("members", signed.members());
        body.put("generatedAt", signed.generatedAt().toString());
        body.put("validUntil", signed.validUntil().toString());
        return Routes.json(200, body);
    }

    private static RouteResponse upload(PluginContext context, RouteRequest request, Gate gate, Zone zone) {
        Instant now = Instant.now();
        JsonFields fields = new JsonFields(request.body(), "upload", Set.of("checkIns"));
        if (!fields.has("checkIns")) {
            fields.error("checkIns", "is required: the checks the gate made offline");
        }
        List<Decision> checks = new ArrayList<>();
        for (JsonFields item : fields.objects("checkIns", "check-in", ITEM, MAX_UPLOAD)) {
            Decision check = item(item, gate, zone, now);
            if (check != null) {
                checks.add(check);
            }
        }
        fields.check();
        List<Map<String, Object>> results = new ArrayList<>();
        int recorded = 0;
        for (Decision check : checks) {
            boolean fresh = CheckLog.find(context, request.deviceId(), check.eventId()).isEmpty() && record(context, request.deviceId(), check);
            recorded += fresh ? 1 : 0;
            results.add(Map.of("eventId", check.eventId(), "outcome", fresh ? "RECORDED" : "DUPLICATE"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recorded", recorded);
        body.put("duplicates", checks.size() - recorded);
        body.put("results", results);
        return Routes.json(200, body);
    }

    /** The visit first, then the log: an upload cut short is sent again whole, and the visit repeats harmlessly. */
    private static boolean record(PluginContext context, UUID deviceId, Decision check) {
        if (check.allowed() && check.memberId() != null) {
            try {
                context.visits().record(check.memberId(), GateCheck.visitId(deviceId, check.eventId()), check.zone(), check.at());
            } catch (PlatformServiceException e) {
                if (!Decision.MEMBER_NOT_FOUND.equals(e.code())) {
                    throw e;
                }
                // Deleted since the gate let them in: the passage is still logged, without a visit.
            }
        }
        return CheckLog.add(context, deviceId, check);
    }

    private static Decision item(JsonFields item, Gate gate, Zone zone, Instant now) {
        String eventId = item.text("eventId", true);
        if (eventId != null && !Names.id(eventId)) {
            item.error("eventId", "must be 1-64 of letters, digits, . _ : -");
        }
        UUID memberId = item.parsed("memberId", false, UUID::fromString, "must be a member id");
        String credential = item.text("credential", true);
        if (credential != null && !CREDENTIAL.matcher(credential).matches()) {
            item.error("credential", "must be \"code\" or \"card:<card id>\"");
        }
        String verdict = item.text("verdict", true);
        if (verdict != null && !verdict.equals("ALLOW") && !verdict.equals("DENY")) {
            item.error("verdict", "must be ALLOW or DENY");
        }
        if ("ALLOW".equals(verdict) && memberId == null) {
            item.error("memberId", "is required when the gate let someone in");
        }
        String reason = item.text("reason", false);
        if (reason != null && !reason.matches("[A-Z][A-Z_]{1,39}")) {
            item.error("reason", "must be a reason code such as ALLOWED or CARD_UNKNOWN");
        }
        Instant at = item.instant("at", true);
        if (at != null && at.isAfter(now.plusSeconds(60))) {
            item.error("at", "is more than a minute ahead of the platform's clock");
        }
        if (eventId == null || credential == null || verdict == null || at == null) {
            return null;
        }
        boolean allowed = verdict.equals("ALLOW");
        return new Decision(eventId, gate.gateId(), zone.name(), credential.equals("code") ? "code:offline" : credential, memberId, null,
                allowed, reason == null ? (allowed ? Decision.ALLOWED : "DENIED_OFFLINE") : reason,
                "Decided offline by gate " + gate.gateId(), at.isAfter(now) ? now : at, true);
    }

}
