package io.memberhub.platform.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A member's place in a journey: ACTIVE before step {@code nextStep}, COMPLETED, or EXITED with the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyMemberResponse(UUID memberId, String status, int nextStep, Instant enteredAt, Instant waitingSince, String exitReason,
                                    Instant finishedAt) {
}
