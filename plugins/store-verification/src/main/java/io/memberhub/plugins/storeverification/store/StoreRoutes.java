package io.memberhub.plugins.storeverification.store;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.ManagedCollection;
import io.memberhub.plugins.kit.Routes;
import io.memberhub.plugins.storeverification.Ids;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /api/v1/ext/store-verification/stores}: listed for staff and scanners; {@code PUT /stores/{storeId}}
 * {@code {"name"}} creates or renames one (owners and admins), {@code DELETE /stores/{storeId}} removes it
 * (its redemptions stay in the log). Kept in the plugin's table {@code store_verification_store}.
 */
@Extension
public class StoreRoutes extends ManagedCollection {

    private static final String TABLE = "store_verification_store";

    public StoreRoutes() {
        super("/stores", "stores", "STORE_NOT_FOUND");
    }

    public static List<Store> all(PluginContext context) {
        return context.tables().select(TABLE, Map.of()).stream().map(StoreRoutes::store).sorted(Comparator.comparing(Store::storeId)).toList();
    }

    public static Optional<Store> find(PluginContext context, String storeId) {
        return context.tables().select(TABLE, Map.of("store_id", storeId)).stream().findFirst().map(StoreRoutes::store);
    }

    /** The store a request names, or a mistake on {@code field} that lists the merchant's stores. */
    public static Store check(PluginContext context, JsonFields fields, String field, String storeId) {
        if (storeId == null) {
            return null;
        }
        Optional<Store> store = Ids.valid(storeId) ? find(context, storeId) : Optional.empty();
        if (store.isEmpty()) {
            fields.error(field, "'" + storeId + "' is not one of the stores " + all(context).stream().map(Store::storeId).toList());
        }
        return store.orElse(null);
    }

    @Override
    protected List<Map<String, Object>> list(PluginContext context) {
        return all(context).stream().map(Store::toJson).toList();
    }

    @Override
    protected RouteResponse save(String storeId, String body, PluginContext context) {
        JsonFields fields = new JsonFields(body, "store", Set.of("name"));
        if (!Ids.valid(storeId)) {
            fields.error("storeId", Ids.RULE);
        }
        String name = fields.text("name", true);
        if (name != null && name.length() > 100) {
            fields.error("name", "must have at most 100 characters");
        }
        fields.check();
        if (context.tables().update(TABLE, Map.of("store_id", storeId), Map.of("name", name)) == 0) {
            context.tables().insertIfAbsent(TABLE, Map.of("store_id", storeId, "name", name));
        }
        return Routes.json(200, new Store(storeId, name).toJson());
    }

    @Override
    protected boolean delete(String storeId, PluginContext context) {
        return context.tables().delete(TABLE, Map.of("store_id", storeId)) > 0;
    }

    private static Store store(Map<String, Object> row) {
        return new Store((String) row.get("store_id"), (String) row.get("name"));
    }
}
