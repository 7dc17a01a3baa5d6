package io.memberhub.platform.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A batch of activities. Items stay JSON until each is read on its own, so one item with a wrong
 * field fails alone instead of failing the whole batch at deserialisation.
 */
public record ActivityBatchRequest(List<JsonNode> items) {
}
