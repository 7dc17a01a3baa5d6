package io.memberhub.platform.memberapi;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.identity.LoginChanges;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/member/me/password")
@Tag(name = "Member API")
@Authenticated
@NotAudited("the member's own actions in their app, not a staff action")
public class MyPasswordResource {

    public record PasswordChange(@NotBlank @Size(min = 8, max = 128) String password) {
    }

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    KeycloakDirectory directory;

    @Inject
    LoginChanges logins;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set my password",
            description = "For password sign-in from then on, with my phone or, when my profile here has one, my email; "
                    + "the account is shared by every merchant I belong to. 409 EMAIL_TAKEN if another account uses that email.")
    public void set(@Valid @NotNull PasswordChange change) {
        MemberCall me = currentMember.get();
        String login = members.loginOf(me, me.memberId()).orElseThrow();
        String email = members.own(me, me.memberId()).email();
        logins.oneAtATime(login, () -> {
            if (email != null) {
                directory.setEmail(login, email);
            }
            directory.setPassword(login, change.password());
        });
    }
}
