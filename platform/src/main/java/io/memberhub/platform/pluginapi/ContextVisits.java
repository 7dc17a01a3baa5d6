package io.memberhub.platform.pluginapi;

import io.memberhub.platform.visit.VisitRequest;
import io.memberhub.platform.visit.VisitService;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.visit.VisitApi;
import java.time.Instant;
import java.util.UUID;

/** {@link VisitApi} for one plugin and merchant: the plugin's external ids are its own, like its idempotency keys. */
final class ContextVisits implements VisitApi {

    private final PluginCaller caller;
    private final VisitService visits;

    ContextVisits(PluginCaller caller, VisitService visits) {
        this.caller = caller;
        this.visits = visits;
    }

    @Override
    public boolean record(UUID memberId, String externalId, String location, Instant at) {
        caller.require(Permissions.VISITS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(externalId != null && !externalId.isBlank() && externalId.length() <= 35,
                "externalId must have 1 to 35 characters");
        ArgumentChecks.require(location == null || location.length() <= 100, "location must have at most 100 characters");
        ArgumentChecks.notNull(at, "at");
        ArgumentChecks.require(!at.isAfter(Instant.now()), "at must not be in the future");
        // Prefixed so that a plugin's ids never meet the merchant's own or another plugin's.
        String id = caller.pluginId() + ":" + externalId;
        return PlatformSide.call(() -> !visits.record(caller, id,
                new VisitRequest(memberId, id, location, at)).replayed());
    }
}
