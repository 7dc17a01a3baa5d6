package io.memberhub.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.memberhub.platform.lifecycle.LifecycleStage;
import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignResponse(UUID id, String name, CampaignTrigger trigger, int days, UUID levelId, UUID segmentId,
                               UUID couponTemplateId, Long points, CampaignRequest.Message message, int effectDays, String status,
                               Instant createdAt, Instant updatedAt, LifecycleStage stage) {
}
