package io.memberhub.platform.memberlogin;

import io.memberhub.platform.identity.MemberTokens;
import io.memberhub.platform.member.MemberRules;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in for members in a merchant's app or mini-program. Public: the proof is the code. */
@Path("/api/member/auth")
@Tag(name = "Member sign-in")
@PermitAll
public class MemberLoginResource {

    public record CodeRequest(@NotBlank @Size(max = 63) String merchant,
                              @NotBlank @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone) {
    }

    public record SignInRequest(@NotBlank @Size(max = 63) String merchant,
                                @NotBlank @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone,
                                @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code") String code) {
    }

    @Inject
    MemberLogin login;

    @POST
    @Path("/sms-codes")
    @Operation(summary = "Send a sign-in code by SMS",
            description = "At most one code a minute and ten a day per phone and per client address (429 SMS_RATE_LIMITED); "
                    + "a code is valid for 5 minutes and can be used once.")
    public Response sendCode(@Valid @NotNull CodeRequest request, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        Instant expires = login.sendCode(request.merchant(), request.phone(), ip);
        return Response.accepted(Map.of("phone", request.phone(), "expiresAt", expires.toString())).build();
    }

    @POST
    @Path("/sms-login")
    @Operation(summary = "Sign in with the code: the member's tokens",
            description = "The first sign-in registers the member with the merchant. A wrong or expired code, and a phone locked "
                    + "after 5 wrong codes in an hour, all answer 401 INVALID_CODE. Call member endpoints with "
                    + "Authorization: Bearer <accessToken> and, for a person who is a member of several merchants, "
                    + "X-MemberHub-Tenant: <merchant>.")
    public MemberTokens.Tokens signIn(@Valid @NotNull SignInRequest request) {
        return login.signIn(request.merchant(), request.phone(), request.code());
    }
}
