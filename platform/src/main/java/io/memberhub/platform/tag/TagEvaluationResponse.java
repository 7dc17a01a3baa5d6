package io.memberhub.platform.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A rule tag's evaluation of every member: QUEUED, RUNNING (with {@code processed} of {@code total}
 * members so far), DONE, FAILED (with the {@code error}), or SUPERSEDED by a changed rule. {@code added}
 * and {@code removed} count the members who gained and lost the tag; {@code members}, in answers about
 * one evaluation that has finished, how many carry it now. Rules that count days are read as of {@code evaluatedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagEvaluationResponse(UUID id, UUID tagId, String status, String reason, Integer total, int processed, int added, int removed,
                                    Long members, Instant evaluatedAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                                    String error) {

    /** Whether it has finished, one way or another. */
    public boolean finished() {
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }
}
