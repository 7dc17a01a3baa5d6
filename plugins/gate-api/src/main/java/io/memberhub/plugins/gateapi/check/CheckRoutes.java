package io.memberhub.plugins.gateapi.check;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gateapi.Names;
import io.memberhub.plugins.gateapi.gate.Gate;
import io.memberhub.plugins.gateapi.gate.GatePlacements;
import io.memberhub.plugins.gateapi.zone.Zone;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * {@code POST /check} {@code {"eventId", "code" | "cardId", "at"}} from a gate: may this member pass?
 * Answered once per gate and event id: the gate's retry gets the first answer ({@code replayed: true}),
 * the same id with another credential 409 {@code IDEMPOTENCY_KEY_REUSED}. {@code GET /checks?gate=&limit=}:
 * the newest checks, for staff.
 */
@Extension
public class CheckRoutes implements RouteHandler {

    /** {@link PluginContext#inOneTransaction} could not commit: nothing of the check was kept. */
    private static final String ROLLED_BACK = "TRANSACTION_ROLLED_BACK";

    /** A gate's clock may run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        if (request.path().equals("/checks") && request.method().equals("GET") && Routes.staffOrDevice(request)) {
            return recent(request, context);
        }
        if (!request.path().equals("/check") || !request.method().equals("POST") || request.audience() != RouteRequest.Audience.STAFF) {
            return RouteResponse.notFound();
        }
        if (!Routes.device(request)) {
            return Problems.forbidden("FORBIDDEN", "Gates check members with their own device credentials; "
                    + "staff ask POST /api/v1/access/decisions");
        }
        GatePlacements.Placement placement = GatePlacements.of(context, request.deviceId());
        Optional<Gate> gate = placement.gate();
        if (gate.isEmpty()) {
            return Problems.forbidden("GATE_NOT_REGISTERED", "This device is not registered as a gate: the merchant registers it with "
                    + "PUT /api/v1/ext/gate-api/gates/{gateId}");
        }
        Optional<Zone> zone = placement.zone();
        if (zone.isEmpty()) {
            return Problems.conflict("ZONE_NOT_FOUND", "The gate's zone '" + gate.get().zone() + "' was removed; register the gate again");
        }
        Instant now = Instant.now();
        Request asked;
        try {
            asked = read(request.body(), now);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
        try {
            // One transaction for the look-up, the decision's reads, the visit and the log row: they commit together
            // (a confirmed check has its visit), and one commit instead of six is what keeps a busy gate fast.
            return context.inOneTransaction(() -> check(context, request.deviceId(), gate.get(), zone.get(), asked));
        } catch (PlatformServiceException e) {
            if (ROLLED_BACK.equals(e.code())) {
                return Problems.unavailable("CHECK_NOT_RECORDED", "The check could not be recorded; send it again with the same event id");
            }
            throw e;
        }
    }

    private static RouteResponse check(PluginContext context, UUID deviceId, Gate gate, Zone zone, Request asked) {
        Optional<Decision> earlier = CheckLog.find(context, deviceId, asked.eventId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), asked);
        }
        Decision decision = GateCheck.decide(context, gate, zone, asked.eventId(), asked.credential(), asked.at());
        if (!CheckLog.add(context, deviceId, decision)) {
            // The gate's retry overtook this call (its transaction committed first): both answer what was logged first.
            return replay(CheckLog.find(context, deviceId, asked.eventId()).orElseThrow(), asked);
        }
        return Routes.json(200, decision.toJson(false));
    }

    private static RouteResponse replay(Decision earlier, Request asked) {
        if (!earlier.credential().equals(asked.credential().logged())) {
            return Problems.conflict("IDEMPOTENCY_KEY_REUSED", "Event " + asked.eventId() + " of this gate was checked before with another "
                    + "credential; every check needs an event id of its own");
        }
        return Routes.json(200, earlier.toJson(true));
    }

    private static RouteResponse recent(RouteRequest request, PluginContext context) {
        int limit;
        try {
            limit = Routes.limit(request, 50, 500);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
        return Routes.json(200, CheckLog.recent(context, request.queryParam("gate"), limit).stream().map(d -> d.toJson(false)).toList());
    }

    record Request(String eventId, GateCheck.Credential credential, Instant at) {
    }

    static Request read(String body, Instant now) {
        JsonFields fields = new JsonFields(body, "check", Set.of("eventId", "code", "cardId", "at"));
        String eventId = fields.text("eventId", true);
        if (eventId != null && !Names.id(eventId)) {
            fields.error("eventId", "must be 1-64 of letters, digits, . _ : - starting with a letter or digit, unique per check of this gate");
        }
        String code = fields.text("code", false);
        String cardId = fields.text("cardId", false);
        if ((code == null) == (cardId == null)) {
            fields.error("code", "give either the member code the member showed or the cardId the gate read");
        }
        if (code != null && code.length() > 2048) {
            fields.error("code", "is longer than any member code");
        }
        if (cardId != null && !Names.id(cardId)) {
            fields.error("cardId", "must be 1-64 of letters, digits, . _ : -");
        }
        Instant at = fields.instant("at", false);
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            fields.error("at", "is more than a minute ahead of the platform's clock");
        }
        fields.check();
        // A gate's clock a few seconds ahead must not put the visit in the future.
        Instant when = at == null || at.isAfter(now) ? now : at;
        return new Request(eventId, new GateCheck.Credential(code, cardId), when);
    }

}
