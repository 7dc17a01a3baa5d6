package io.memberhub.plugins.gateapi.gate;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugins.gateapi.zone.Zone;
import io.memberhub.plugins.gateapi.zone.ZoneStore;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which gate a device is and which zone that gate guards, remembered for a few seconds: a gate asks
 * many times a minute and its setup rarely changes, so the check skips two table reads. A change made
 * through this instance forgets the merchant's entries at once; other platform instances see it
 * within {@link #TTL_MILLIS}.
 */
public final class GatePlacements {

    /** Where a device stands: no gate (not registered), or a gate whose zone may have been removed. */
    public record Placement(Optional<Gate> gate, Optional<Zone> zone) {
    }

    private record Remembered(Placement placement, long at) {
    }

    static final long TTL_MILLIS = 5_000;
    private static final int MAX_ENTRIES = 10_000;
    private static final ConcurrentHashMap<String, Remembered> REMEMBERED = new ConcurrentHashMap<>();

    private GatePlacements() {
    }

    public static Placement of(PluginContext context, UUID deviceId) {
        String key = context.tenant().id() + "|" + deviceId;
        long now = System.currentTimeMillis();
        Remembered hit = REMEMBERED.get(key);
        if (hit != null && now - hit.at() < TTL_MILLIS) {
            return hit.placement();
        }
        Optional<Gate> gate = GateStore.byDevice(context, deviceId);
        Placement placement = new Placement(gate, gate.flatMap(g -> ZoneStore.find(context, g.zone())));
        if (REMEMBERED.size() >= MAX_ENTRIES) {
            REMEMBERED.clear();
        }
        REMEMBERED.put(key, new Remembered(placement, now));
        return placement;
    }

    /** After the merchant changed a gate or a zone. */
    public static void forget(PluginContext context) {
        String prefix = context.tenant().id() + "|";
        REMEMBERED.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
