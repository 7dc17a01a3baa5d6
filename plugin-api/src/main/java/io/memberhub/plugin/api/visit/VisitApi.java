package io.memberhub.plugin.api.visit;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * Visits of the merchant's members: a gym check-in, a class attended. A recorded visit counts
 * toward {@code VISIT_COUNT} level rules and tag rules and is announced as {@code VisitRecorded}.
 * Needs {@code visits:write}.
 */
@InterfaceStability.Evolving
public interface VisitApi {

    /**
     * Records a visit once: the same {@code externalId} again with the same details records nothing
     * and answers {@code false}; with other details it is refused ({@code IDEMPOTENCY_KEY_REUSED}).
     *
     * @param externalId the visit's id in the plugin's world, e.g. a gate's passage number (1-35 characters;
     *                   the merchant sees it prefixed with the plugin's id)
     * @param location   where, e.g. {@code lobby}; may be null
     * @param at         when, not in the future
     * @return whether this call recorded it ({@code false}: it was recorded before)
     */
    boolean record(UUID memberId, String externalId, String location, Instant at);
}
