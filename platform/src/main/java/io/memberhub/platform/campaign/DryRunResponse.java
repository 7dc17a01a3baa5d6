package io.memberhub.platform.campaign;

import java.util.List;
import java.util.UUID;

/** Who a campaign would reach if it ran now, and who it would pass over and why; nothing is written. */
public record DryRunResponse(boolean quietHoursNow, int wouldSend, int wouldSkip, List<Recipient> recipients) {

    public record Recipient(UUID memberId, String occasion, String outcome) {
    }
}
