package io.memberhub.platform.journey;

import io.memberhub.platform.campaign.Campaigns;
import io.memberhub.platform.campaign.MarketingMessages;
import io.memberhub.platform.campaign.MarketingSettings;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a journey now: members whose trigger happened enter, then every member with something to do
 * advances, each in a transaction of its own (so one failure costs one member), messages going out
 * after that commit. Outside quiet hours only, as campaigns.
 */
@ApplicationScoped
public class JourneyRunner {

    private static final UUID FIRST = new UUID(0, 0);

    @Inject
    Journeys journeys;

    @Inject
    JourneySteps steps;

    @Inject
    Campaigns campaigns;

    @Inject
    MarketingMessages messages;

    @ConfigProperty(name = "memberhub.journeys.batch", defaultValue = "500")
    int batch;

    public JourneyRunResponse run(TenantBound tenant, UUID journeyId) {
        Journey journey = journeys.find(tenant, journeyId);
        if (!journey.status().equals("ACTIVE")) {
            return new JourneyRunResponse(false, 0, 0, 0, 0, 0, 0);
        }
        int entered = steps.enter(tenant, journey);
        if (campaigns.quietNow(tenant)) {
            return new JourneyRunResponse(true, entered, 0, 0, 0, 0, 0);
        }
        MarketingSettings settings = campaigns.settings(tenant);
        int reached = 0;
        int skipped = 0;
        int completed = 0;
        int exited = 0;
        int failed = 0;
        UUID after = FIRST;
        List<UUID> page;
        do {
            page = steps.due(tenant, journey, after, batch);
            for (UUID member : page) {
                JourneySteps.Advance advance = steps.advance(tenant, journey, member, settings);
                reached += advance.reached();
                skipped += advance.skipped();
                completed += advance.completed() ? 1 : 0;
                exited += advance.exited() ? 1 : 0;
                for (JourneySteps.PendingMessage message : advance.messages()) {
                    Optional<String> failure = messages.send(tenant, message.step().channel(), message.step().pluginChannel(), message.memberId(),
                            message.phone(), message.text());
                    steps.messageSent(tenant, message.runId(), failure);
                    failed += failure.isPresent() ? 1 : 0;
                }
                after = member;
            }
        } while (page.size() == batch);
        return new JourneyRunResponse(false, entered, reached, skipped, completed, exited, failed);
    }

    /** Every active journey of the merchant, for the sweep. */
    void runAll(TenantBound tenant) {
        for (Journey journey : journeys.active(tenant)) {
            run(tenant, journey.id());
        }
    }
}
