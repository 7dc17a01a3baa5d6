package io.memberhub.platform.journey;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How members went through a journey: how many entered, are in it now, completed it and left it early
 * (by reason); per step how many it reached (acted on them), passed over (condition unmet, the cap or
 * an opt-out) and how many wait before it now.
 */
public record JourneyFunnel(UUID journeyId, long entered, long active, long completed, long exited, Map<String, Long> exitReasons,
                            List<StepCount> steps) {

    public record StepCount(int position, String name, long reached, long skipped, long waiting) {
    }
}
