package io.memberhub.plugins.gateapi.gate;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gateapi.Names;
import io.memberhub.plugins.gateapi.zone.ZoneStore;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.ManagedCollection;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/gate-api/gates}: the merchant's gates for staff; {@code PUT /gates/{gateId}}
 * {@code {"deviceId", "zone", "name"}} registers a device (made with {@code POST /api/v1/devices}) as the
 * gate of a zone (owners and admins); {@code DELETE /gates/{gateId}} retires it. {@code GET /gates/me}:
 * the calling gate, for its installer to check the set-up.
 */
@Extension
public class GateRoutes extends ManagedCollection {

    public GateRoutes() {
        super("/gates", "gates", "GATE_NOT_FOUND");
    }

    @Override
    protected List<Map<String, Object>> list(PluginContext context) {
        return GateStore.list(context).stream().map(Gate::toJson).toList();
    }

    @Override
    protected RouteResponse save(String gateId, String body, PluginContext context) {
        Gate gate = read(gateId, body, context);
        return GateStore.save(context, gate) ? Routes.json(200, gate.toJson())
                : Problems.conflict("DEVICE_IS_ANOTHER_GATE", "Device " + gate.deviceId() + " is another gate already; retire that gate first");
    }

    @Override
    protected boolean delete(String gateId, PluginContext context) {
        return GateStore.delete(context, gateId);
    }

    /** {@code GET /gates/me}: the calling gate. */
    @Override
    protected RouteResponse other(RouteRequest request, String name, PluginContext context) {
        if (!name.equals("me") || !request.method().equals("GET")) {
            return RouteResponse.notFound();
        }
        if (!Routes.device(request)) {
            return Problems.forbidden("FORBIDDEN", "Only a gate asks who it is");
        }
        return GateStore.byDevice(context, request.deviceId()).map(g -> Routes.json(200, g.toJson()))
                .orElseGet(() -> Problems.notFound("GATE_NOT_REGISTERED", "This device is not registered as a gate: "
                        + "the merchant registers it with PUT /api/v1/ext/gate-api/gates/{gateId}"));
    }

    private static Gate read(String gateId, String body, PluginContext context) {
        JsonFields fields = new JsonFields(body, "gate", Set.of("deviceId", "zone", "name"));
        if (!Names.id(gateId)) {
            fields.error("gateId", "must be 1-64 of letters, digits, . _ : - starting with a letter or digit");
        }
        UUID deviceId = fields.parsed("deviceId", true, UUID::fromString, "must be the id of one of the merchant's devices");
        String zone = fields.text("zone", true);
        if (zone != null && ZoneStore.find(context, zone).isEmpty()) {
            fields.error("zone", "'" + zone + "' is not one of the zones " + ZoneStore.list(context).stream().map(z -> z.name()).toList());
        }
        String name = fields.text("name", false);
        if (name != null && name.length() > 100) {
            fields.error("name", "must have at most 100 characters");
        }
        fields.check();
        return new Gate(gateId, deviceId, zone, name == null ? gateId : name);
    }
}
