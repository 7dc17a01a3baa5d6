package io.memberhub.platform.campaign;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a campaign for the members due now: outside quiet hours, each due member's send is written
 * in a transaction of its own (so one failure costs one member, and a crash repeats nobody), and
 * its message goes out after that commit.
 */
@ApplicationScoped
public class CampaignRunner {

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignSends sends;

    @Inject
    MarketingMessages messages;

    @ConfigProperty(name = "memberhub.campaigns.batch", defaultValue = "500")
    int batch;

    public RunResponse run(TenantBound tenant, UUID campaignId) {
        Campaign campaign = campaigns.find(tenant, campaignId);
        MarketingSettings settings = campaigns.settings(tenant);
        if (quietNow(settings, campaigns.timeZone(tenant))) {
            return new RunResponse(true, 0, 0, 0, 0);
        }
        int sent = 0;
        int skipped = 0;
        int failed = 0;
        int heldOut = 0;
        for (CampaignCandidates.Candidate due : sends.due(tenant, campaign, batch)) {
            CampaignSends.Result result = sends.send(tenant, campaign, due, settings);
            if (result.outcome().isEmpty()) {
                continue;
            }
            if (result.outcome().get().equals("HELD_OUT")) {
                heldOut++;
                continue;
            }
            if (!result.outcome().get().equals("SENT")) {
                skipped++;
                continue;
            }
            sent++;
            Optional<CampaignSends.PendingMessage> message = result.message();
            if (message.isPresent()) {
                Optional<String> failure = messages.send(tenant, campaign, message.get());
                sends.messageSent(tenant, message.get().sendId(), failure);
                if (failure.isPresent()) {
                    failed++;
                }
            }
        }
        return new RunResponse(false, sent, skipped, failed, heldOut);
    }

    public DryRunResponse dryRun(TenantBound tenant, UUID campaignId) {
        Campaign campaign = campaigns.find(tenant, campaignId);
        MarketingSettings settings = campaigns.settings(tenant);
        List<DryRunResponse.Recipient> recipients = sends.due(tenant, campaign, batch).stream()
                .map(d -> new DryRunResponse.Recipient(d.memberId(), d.occasion(), sends.outcome(tenant, campaign, d.memberId(), settings)))
                .toList();
        int wouldSend = (int) recipients.stream().filter(r -> r.outcome().equals("SENT")).count();
        return new DryRunResponse(quietNow(settings, campaigns.timeZone(tenant)), wouldSend, recipients.size() - wouldSend, recipients);
    }

    /** Every active campaign of the merchant, for the sweep. */
    void runAll(TenantBound tenant) {
        for (Campaign campaign : campaigns.active(tenant)) {
            run(tenant, campaign.id());
        }
    }

    public static boolean quietNow(MarketingSettings settings, String timeZone) {
        if (settings.quietStart() == null) {
            return false;
        }
        LocalTime now = LocalTime.now(ZoneId.of(timeZone));
        LocalTime start = LocalTime.parse(settings.quietStart());
        LocalTime end = LocalTime.parse(settings.quietEnd());
        return start.isBefore(end) ? !now.isBefore(start) && now.isBefore(end) : !now.isBefore(start) || now.isBefore(end);
    }
}
