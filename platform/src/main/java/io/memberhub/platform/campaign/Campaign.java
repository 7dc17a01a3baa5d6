package io.memberhub.platform.campaign;

import io.memberhub.platform.lifecycle.LifecycleStage;
import io.memberhub.platform.tenancy.TenantBound;
import java.time.Instant;
import java.util.UUID;

/** A stored campaign as the runner needs it. */
record Campaign(UUID tenantId, UUID id, String name, CampaignTrigger trigger, int days, UUID levelId, UUID segmentId,
                UUID couponTemplateId, Long points, CampaignRequest.Channel channel, String text, int effectDays, String status,
                Instant createdAt, Instant updatedAt, String pluginChannel, LifecycleStage stage) implements TenantBound {

    boolean messages() {
        return channel != null;
    }

    /** The campaign as an experiment arm varies it: what the arm gives replaces the campaign's. */
    Campaign as(ExperimentRequest.Arm arm) {
        return new Campaign(tenantId, id, name, trigger, days, levelId, segmentId,
                arm.couponTemplateId() == null ? couponTemplateId : arm.couponTemplateId(), arm.points() == null ? points : arm.points(),
                channel, arm.text() == null ? text : arm.text(), effectDays, status, createdAt, updatedAt, pluginChannel, stage);
    }

    CampaignResponse toResponse() {
        return new CampaignResponse(id, name, trigger, days, levelId, segmentId, couponTemplateId, points,
                channel == null ? null : new CampaignRequest.Message(channel, text, pluginChannel), effectDays, status, createdAt, updatedAt, stage);
    }
}
