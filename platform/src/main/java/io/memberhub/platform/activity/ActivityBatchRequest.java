package io.memberhub.platform.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch of activities. Items stay JSON until each is read on its own, so one item with a wrong
 * field fails alone instead of failing the whole batch at deserialisation; the document describes
 * them as the {@link ActivityItem}s they are read as (not as JsonNode's own properties).
 */
public record ActivityBatchRequest(
        @Schema(type = SchemaType.ARRAY, implementation = ActivityItem.class, required = true, minItems = 1, maxItems = ActivityIngestion.MAX_BATCH)
        List<JsonNode> items) {
}
