package io.memberhub.platform.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A tag with how many members carry it now, and its evaluation of every member while one waits or runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagResponse(UUID id, String name, String description, String kind, TagRule rule, long members,
                          Instant createdAt, Instant updatedAt, Instant evaluatedAt, TagEvaluationResponse evaluating) {
}
