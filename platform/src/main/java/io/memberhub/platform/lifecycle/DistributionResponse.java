package io.memberhub.platform.lifecycle;

import java.util.List;

/** Live members per stage now, every stage listed. */
public record DistributionResponse(List<StageCount> stages, long total) {

    public record StageCount(LifecycleStage stage, long members) {
    }
}
