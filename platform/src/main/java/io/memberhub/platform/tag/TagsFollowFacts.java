package io.memberhub.platform.tag;

import io.memberhub.platform.activity.ActivityRecorded;
import io.memberhub.platform.event.OutboxRecorded;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.work.BackgroundRequest;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Keeps rule tags current for one member right after one of their facts commits (an order, a
 * visit, a refund...), off the request thread so the fact's caller never waits for it. Several
 * events of one member close together cost one evaluation. Best effort by design: the nightly
 * evaluation of every member catches anything missed here, and rules that only time changes.
 */
@ApplicationScoped
class TagsFollowFacts {

    private static final Logger LOG = Logger.getLogger(TagsFollowFacts.class);
    private static final Set<String> OWN_EVENTS = Set.of("TagAdded", "TagRemoved");

    @Inject
    Tags tags;

    @Inject
    RememberedRuleTags ruleTags;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    // Two at a time: tag upkeep must not take the connections orders need.
    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofVirtual().name("tags-", 0).factory());

    void onFact(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded event) {
        if (!"member".equals(event.aggregateType()) || OWN_EVENTS.contains(event.type())) {
            return;
        }
        UUID member;
        try {
            member = UUID.fromString(event.aggregateId());
        } catch (IllegalArgumentException notAMember) {
            return;
        }
        String key = event.tenantId() + "/" + member;
        if (pending.add(key)) {
            workers.execute(() -> {
                pending.remove(key);
                evaluate(TenantBound.of(event.tenantId()), member);
            });
        }
    }

    /**
     * After a batch of activity commits, the activity rule tags of the batch's members. Activity comes
     * as a CDI event rather than an outbox row (see {@link ActivityRecorded}); one task per batch, and
     * nothing at all for a merchant without activity rules.
     */
    void onActivity(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActivityRecorded recorded) {
        workers.execute(() -> {
            try {
                BackgroundRequest.run(() -> {
                    List<UUID> ruleTags = tags.activityRuleTags(recorded);
                    for (UUID member : ruleTags.isEmpty() ? Set.<UUID>of() : recorded.members()) {
                        for (UUID tag : ruleTags) {
                            tags.evaluate(recorded, tag, member);
                        }
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Activity rule tags (tenant %s) were not updated; the nightly evaluation will", recorded.tenantId());
            }
        });
    }

    private void evaluate(TenantBound tenant, UUID member) {
        try {
            // Most merchants have no rule tags: then a fact costs no transaction here at all.
            List<UUID> ruleTagIds = ruleTags.of(tenant);
            if (ruleTagIds.isEmpty()) {
                return;
            }
            BackgroundRequest.run(() -> {
                for (UUID tag : ruleTagIds) {
                    tags.evaluate(tenant, tag, member);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Rule tags of member %s (tenant %s) were not updated; the nightly evaluation will", member, tenant.tenantId());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.shutdownNow();
    }
}
