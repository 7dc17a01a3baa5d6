package io.memberhub.platform.access;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.plugin.api.access.spi.AccessRequest;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.plugin.PluginAccessPolicies;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.tenancy.CurrentDevice;
import io.memberhub.platform.tenancy.DeviceCall;
import io.memberhub.platform.tenancy.TenantBound;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/access/decisions")
@Tag(name = "Access")
public class AccessDecisionResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentCall currentCall;

    @Inject
    CurrentDevice currentDevice;

    @Inject
    MemberService members;

    @Inject
    PluginAccessPolicies policies;

    @POST
    @RolesAllowed({"owner", "admin", "operator", "device"})
    @Operation(summary = "May this member enter this zone now?",
            description = "Asks the access policies of every plugin the merchant enabled, within the plugin time limit; any DENY wins. "
                    + "A policy that fails or answers late lets the member in unless the request says failClosed. "
                    + "Without any access policy enabled, everyone the merchant knows may enter. 404 MEMBER_NOT_FOUND for an unknown member.")
    @NotAudited("answers whether a member may enter; gates and staff ask it at the door")
    public AccessDecisionResponse decide(@Valid @NotNull AccessDecisionRequest request) {
        TenantBound caller = identity.hasRole("device") ? currentDevice.get() : currentCall.get();
        UUID deviceId = caller instanceof DeviceCall device ? device.deviceId() : null;
        members.requireLive(caller, request.memberId());
        Instant now = Instant.now();
        var decision = policies.decide(caller, new AccessRequest(request.memberId(), request.zone(), now, deviceId),
                Boolean.TRUE.equals(request.failClosed()));
        return new AccessDecisionResponse(request.memberId(), request.zone(), decision.allowed() ? "ALLOW" : "DENY", decision.reason(), now,
                decision.policies());
    }
}
