package io.memberhub.platform.pluginapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.activity.ActivityBatchResponse;
import io.memberhub.platform.activity.ActivityIngestion;
import io.memberhub.platform.activity.ActivitySource;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.activity.ActivityApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link ActivityApi} for one plugin and merchant: one item of a batch, checked as the activity API checks it. */
final class ContextActivity implements ActivityApi {

    private final PluginCaller caller;
    private final ActivityIngestion ingestion;
    private final ObjectMapper json;

    ContextActivity(PluginCaller caller, ActivityIngestion ingestion, ObjectMapper json) {
        this.caller = caller;
        this.ingestion = ingestion;
        this.json = json;
    }

    @Override
    public boolean record(UUID memberId, String type, Instant occurredAt, String subject, String attributesJson, String idempotencyKey) {
        caller.require(Permissions.ACTIVITY_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.notNull(occurredAt, "occurredAt");
        ArgumentChecks.require(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= 30,
                "idempotencyKey must have 1 to 30 characters");
        ObjectNode item = json.createObjectNode();
        item.put("memberId", memberId.toString());
        item.put("type", type);
        item.put("occurredAt", occurredAt.toString());
        item.put("subject", subject);
        item.set("attributes", attributes(attributesJson));
        // The plugin's keys are its own: the merchant's systems and other plugins never meet them.
        item.put("idempotencyKey", "plugin:" + caller.pluginId() + ":" + idempotencyKey);
        return PlatformSide.call(() -> {
            ActivityBatchResponse.ItemResult result = ingestion.ingest(caller, ActivitySource.PLUGIN, null, List.of(item)).results().getFirst();
            if (result.status() == ActivityBatchResponse.Status.REJECTED) {
                throw ProblemException.unprocessable(result.code(), result.reason());
            }
            return result.status() == ActivityBatchResponse.Status.ACCEPTED;
        });
    }

    private JsonNode attributes(String attributesJson) {
        if (attributesJson == null) {
            return json.createObjectNode();
        }
        try {
            JsonNode parsed = json.readTree(attributesJson);
            ArgumentChecks.require(parsed != null && parsed.isObject(), "attributesJson must be a JSON object");
            return parsed;
        } catch (JsonProcessingException e) {
            throw new PlatformServiceException("INVALID_ARGUMENT", "attributesJson is not JSON: " + e.getOriginalMessage());
        }
    }
}
