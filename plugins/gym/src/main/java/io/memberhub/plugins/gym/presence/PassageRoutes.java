package io.memberhub.plugins.gym.presence;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import io.memberhub.plugins.gym.zone.Zone;
import io.memberhub.plugins.gym.zone.ZoneStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code POST /api/v1/ext/gym/passages}: a gate or the front desk reports a member passing IN or OUT of a
 * zone, once per passage id. An IN at a check-in zone is a visit. {@code GET /api/v1/ext/gym/presence[?zone=]}:
 * who is inside.
 */
@Extension
public class PassageRoutes implements RouteHandler {

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        if (!Routes.staffOrDevice(request)) {
            return RouteResponse.notFound();
        }
        if (request.method().equals("GET") && request.path().equals("/presence")) {
            return Routes.json(200, PresenceStore.inside(context, request.queryParam("zone")));
        }
        if (!request.method().equals("POST") || !request.path().equals("/passages")) {
            return RouteResponse.notFound();
        }
        try {
            return report(Passage.read(request.body(), Instant.now()), context);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }

    private static RouteResponse report(Passage passage, PluginContext context) {
        Optional<PassageLog.Entry> earlier = PassageLog.find(context, passage.passageId());
        if (earlier.isPresent()) {
            return earlier.get().passage().sameAs(passage) ? Routes.json(200, answer(earlier.get(), true))
                    : Problems.conflict("IDEMPOTENCY_KEY_REUSED", "Passage " + passage.passageId()
                            + " was reported before with other details: " + earlier.get().passage().toJson());
        }
        Zone zone = ZoneStore.find(context, passage.zone()).orElseThrow(() -> new BadRequest("zone", "'" + passage.zone()
                + "' is not one of the gym's zones " + ZoneStore.list(context).stream().map(Zone::name).toList()));
        if (context.levels().of(passage.memberId()).isEmpty()) {
            return Problems.notFound("MEMBER_NOT_FOUND", "No member " + passage.memberId());
        }
        boolean visit = passage.direction() == Passage.Direction.IN && zone.checkIn();
        if (passage.direction() == Passage.Direction.IN) {
            PresenceStore.enter(context, passage.memberId(), zone.name(), passage.at(), passage.passageId());
        } else {
            PresenceStore.leave(context, passage.memberId(), zone.name());
        }
        if (visit) {
            context.visits().record(passage.memberId(), passage.passageId(), zone.name(), passage.at());
        }
        PassageLog.Entry entry = new PassageLog.Entry(passage, visit);
        PassageLog.add(context, entry);
        return Routes.json(201, answer(entry, false));
    }

    private static Map<String, Object> answer(PassageLog.Entry entry, boolean replayed) {
        Map<String, Object> json = new LinkedHashMap<>(entry.passage().toJson());
        json.put("visit", entry.visit());
        json.put("replayed", replayed);
        return json;
    }
}
