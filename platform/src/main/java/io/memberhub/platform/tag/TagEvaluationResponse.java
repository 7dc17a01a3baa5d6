package io.memberhub.platform.tag;

import java.time.Instant;
import java.util.UUID;

/** What an evaluation of a rule tag changed: members who gained it, lost it, and carry it now. */
public record TagEvaluationResponse(UUID tagId, int added, int removed, long members, Instant evaluatedAt) {
}
