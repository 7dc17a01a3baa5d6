package io.memberhub.platform.memberapi;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.memberlogin.ExternalIdentities;
import io.memberhub.platform.memberlogin.ExternalLogin;
import io.memberhub.platform.memberlogin.ExternalLogins;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in member's accounts of other services (WeChat, QQ) that sign them in. */
@Path("/api/member/me/identities")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's own actions in their app, not a staff action")
public class MyIdentitiesResource {

    public record LinkRequest(@NotNull @Pattern(regexp = ExternalLogins.PROVIDER, message = "must be a provider name such as wechat") String provider,
                              @NotNull @Size(min = 1, max = 10) Map<@NotNull @Size(max = 64) String, @NotNull @Size(max = 2048) String> proof) {
    }

    @Inject
    CurrentMember currentMember;

    @Inject
    ExternalLogin external;

    @Inject
    ExternalIdentities identities;

    @GET
    @Operation(summary = "My linked accounts")
    public List<ExternalIdentities.LinkedIdentity> list() {
        MemberCall me = currentMember.get();
        return identities.of(me, me.memberId());
    }

    @POST
    @Operation(summary = "Link an account of another service",
            description = "With the same proof a sign-in takes; from then on that account signs me in. 409 IDENTITY_LINKED_ELSEWHERE when "
                    + "it belongs to another member, PROVIDER_ALREADY_LINKED when I linked another account of that service.")
    public List<ExternalIdentities.LinkedIdentity> link(@Valid @NotNull LinkRequest request) {
        return external.link(currentMember.get(), request.provider(), request.proof());
    }

    @DELETE
    @Path("/{provider}")
    @Operation(summary = "Unlink an account", description = "It no longer signs me in. 404 IDENTITY_NOT_FOUND when none is linked.")
    public List<ExternalIdentities.LinkedIdentity> unlink(@PathParam("provider") String provider) {
        MemberCall me = currentMember.get();
        identities.unlink(me, me.memberId(), provider);
        return identities.of(me, me.memberId());
    }
}
