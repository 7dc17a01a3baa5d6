package io.memberhub.platform.pluginapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.activity.ActivityBatchResponse;
import io.memberhub.platform.activity.ActivityIngestion;
import io.memberhub.platform.activity.ActivitySource;
import io.memberhub.platform.activity.ActivityTypeRequest;
import io.memberhub.platform.activity.ActivityTypes;
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
    private final ActivityTypes types;

    ContextActivity(PluginCaller caller, ActivityIngestion ingestion, ObjectMapper json, ActivityTypes types) {
        this.caller = caller;
        this.ingestion = ingestion;
        this.json = json;
        this.types = types;
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

    @Override
    public boolean defineType(String type, String description) {
        caller.require(Permissions.ACTIVITY_WRITE);
        ArgumentChecks.require(type != null && type.matches(ActivityTypes.NAME_PATTERN), "type must be 2 to 40 of A-Z, 0-9, _");
        ArgumentChecks.require(description == null || description.length() <= 200, "description must have at most 200 characters");
        return PlatformSide.call(() -> {
            if (types.known(caller).contains(type)) {
                return false;
            }
            types.register(caller, new ActivityTypeRequest(type, description));
            return true;
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
