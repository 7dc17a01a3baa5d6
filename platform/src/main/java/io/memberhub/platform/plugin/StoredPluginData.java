package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginStorage;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.pluginapi.PlatformSide;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One plugin's storage for one merchant, as handed to the plugin. Plugin code calls it on the
 * guard's thread: each call runs on the platform's side ({@link PlatformSide}).
 */
final class StoredPluginData implements PluginStorage {

    private static final int MAX_KEY = 200;
    private static final int MAX_VALUE = 65_536;

    private final PluginStore store;
    private final TenantBound tenant;
    private final String pluginId;

    StoredPluginData(PluginStore store, TenantBound tenant, String pluginId) {
        this.store = store;
        this.tenant = tenant;
        this.pluginId = pluginId;
    }

    @Override
    public Optional<String> get(String key) {
        checkKey(key);
        return asPlatform(() -> store.get(tenant, pluginId, key));
    }

    @Override
    public void put(String key, String value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("A stored value may hold at most " + MAX_VALUE + " characters");
        }
        asPlatform(() -> {
            store.put(tenant, pluginId, key, value);
            return null;
        });
    }

    @Override
    public void remove(String key) {
        checkKey(key);
        asPlatform(() -> {
            store.remove(tenant, pluginId, key);
            return null;
        });
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("A storage key has 1 to " + MAX_KEY + " characters");
        }
    }

    /** Runs platform code called from plugin code: as a request of its own, with the platform's class loader. */
    static <T> T asPlatform(Supplier<T> work) {
        return PlatformSide.call(work);
    }
}
