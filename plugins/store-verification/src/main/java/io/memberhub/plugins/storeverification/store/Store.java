package io.memberhub.plugins.storeverification.store;

import java.util.Map;

/** One of the merchant's stores, where staff redeem at the counter. */
public record Store(String storeId, String name) {

    public Map<String, Object> toJson() {
        return Map.of("storeId", storeId, "name", name);
    }
}
