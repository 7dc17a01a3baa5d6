package io.memberhub.platform.pluginapi;

import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.plugin.PluginAccessPolicies;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.access.AccessApi;
import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.access.spi.AccessRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * {@link AccessApi} for one plugin and merchant: the merchant's other plugins' access policies. The
 * asking plugin's own policy is left out, so a gate plugin that is also a policy cannot ask itself
 * round in a circle.
 */
final class ContextAccess implements AccessApi {

    private final PluginCaller caller;
    private final PluginAccessPolicies policies;
    private final MemberService members;

    ContextAccess(PluginCaller caller, PluginAccessPolicies policies, MemberService members) {
        this.caller = caller;
        this.policies = policies;
        this.members = members;
    }

    @Override
    public AccessDecision decide(UUID memberId, String zone, UUID deviceId, boolean failClosed) {
        caller.require(Permissions.ACCESS_CHECK);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(zone != null && !zone.isBlank() && zone.length() <= 100, "zone must have 1 to 100 characters");
        return PlatformSide.call(() -> {
            // Thrown here, not inside the member service: inside a plugin's transaction that would doom it.
            if (!members.isLive(caller, memberId)) {
                throw MemberService.notFound(memberId);
            }
            PluginAccessPolicies.Decision decision = policies.decide(caller, new AccessRequest(memberId, zone, Instant.now(), deviceId),
                    failClosed, caller.pluginId());
            return decision.allowed() ? new AccessDecision(AccessDecision.Verdict.ALLOW, decision.reason())
                    : AccessDecision.deny(decision.reason());
        });
    }
}
