package io.memberhub.plugins.gateapi.gate;

import io.memberhub.plugin.api.PluginContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The merchant's gates, in the plugin's table {@code gate_api_gate}; a device is at most one gate. */
public final class GateStore {

    private static final String TABLE = "gate_api_gate";

    private GateStore() {
    }

    public static List<Gate> list(PluginContext context) {
        return context.tables().select(TABLE, Map.of()).stream().map(GateStore::gate).sorted(Comparator.comparing(Gate::gateId)).toList();
    }

    public static Optional<Gate> byDevice(PluginContext context, UUID deviceId) {
        return context.tables().select(TABLE, Map.of("device_id", deviceId.toString())).stream().findFirst().map(GateStore::gate);
    }

    public static Optional<Gate> find(PluginContext context, String gateId) {
        return context.tables().select(TABLE, Map.of("gate_id", gateId)).stream().findFirst().map(GateStore::gate);
    }

    /** Creates or replaces the gate; false when the device already stands for another gate. */
    public static boolean save(PluginContext context, Gate gate) {
        Optional<Gate> holder = byDevice(context, gate.deviceId());
        if (holder.isPresent() && !holder.get().gateId().equals(gate.gateId())) {
            return false;
        }
        Map<String, Object> values = Map.of("device_id", gate.deviceId().toString(), "zone", gate.zone(), "name", gate.name());
        boolean saved = context.tables().update(TABLE, Map.of("gate_id", gate.gateId()), values) > 0
                || context.tables().insertIfAbsent(TABLE, Map.of("gate_id", gate.gateId(), "device_id", gate.deviceId().toString(),
                        "zone", gate.zone(), "name", gate.name()));
        GatePlacements.forget(context);
        return saved;
    }

    public static boolean delete(PluginContext context, String gateId) {
        boolean deleted = context.tables().delete(TABLE, Map.of("gate_id", gateId)) > 0;
        GatePlacements.forget(context);
        return deleted;
    }

    public static long inZone(PluginContext context, String zone) {
        return context.tables().select(TABLE, Map.of("zone", zone)).size();
    }

    private static Gate gate(Map<String, Object> row) {
        return new Gate((String) row.get("gate_id"), UUID.fromString((String) row.get("device_id")), (String) row.get("zone"),
                (String) row.get("name"));
    }
}
