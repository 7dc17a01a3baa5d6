package io.memberhub.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** One member reached (or passed over) by a campaign on one occasion, and what happened. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SendResponse(UUID id, UUID memberId, String occasion, String outcome, UUID couponId, Long points,
                           String messageStatus, String messageError, Instant createdAt, String arm) {
}
