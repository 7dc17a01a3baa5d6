package io.memberhub.platform.pluginapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Writes a plugin's event into the merchant's outbox, typed {@code <pluginId>:<type>} so it cannot pass for another's. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PluginEventPublisher {

    /** The separator between the plugin id and the event type; plugin ids never contain it. */
    public static final String TYPE_SEPARATOR = ":";

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    UUID publish(TenantBound tenant, String pluginId, String type, String aggregateType, String aggregateId, String payloadJson) {
        JsonNode payload;
        try {
            payload = json.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            throw new PlatformServiceException("INVALID_ARGUMENT", "payloadJson is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new PlatformServiceException("INVALID_ARGUMENT", "payloadJson must be a JSON object");
        }
        return outbox.append(tenant, pluginId + TYPE_SEPARATOR + type, aggregateType, aggregateId, payload);
    }
}
