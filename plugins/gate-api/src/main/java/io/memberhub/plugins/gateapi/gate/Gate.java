package io.memberhub.plugins.gateapi.gate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One of the merchant's devices standing at a zone's entrance. */
public record Gate(String gateId, UUID deviceId, String zone, String name) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("gateId", gateId);
        json.put("deviceId", deviceId.toString());
        json.put("zone", zone);
        json.put("name", name);
        return json;
    }
}
