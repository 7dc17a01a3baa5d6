package io.memberhub.platform.memberlogin;

import io.memberhub.platform.audit.NotAudited;
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
@NotAudited("members signing in: not a staff action (sign-ins are in the activity log)")
public class MemberLoginResource {

    public record CodeRequest(@NotBlank @Size(max = 63) String merchant,
                              @NotBlank @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone) {
    }

    public record SignInRequest(@NotBlank @Size(max = 63) String merchant,
                                @NotBlank @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone,
                                @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code") String code,
                                @Size(min = 8, max = 128) String deviceId) {
    }

    /** {@code login} is the member's phone or the email of the member's profile. */
    public record PasswordRequest(@NotBlank @Size(max = 63) String merchant,
                                  @NotBlank @Size(max = 254) @Pattern(regexp = "\\+?[0-9]{6,20}|[^@\\s]+@[^@\\s]+",
                                          message = "must be a phone number or an email address") String login,
                                  @NotBlank @Size(max = 128) String password,
                                  @NotBlank @Size(min = 8, max = 128) String deviceId) {
    }

    public record StepUpRequest(@NotBlank @Size(max = 63) String merchant, @NotNull java.util.UUID challenge,
                                @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits of the code") String code) {
    }

    /** {@code proof} is what the app got from the service, e.g. {@code {"code": "..."}} from WeChat's authorisation. */
    public record ExternalLoginRequest(@NotBlank @Size(max = 63) String merchant,
                                       @NotBlank @Pattern(regexp = ExternalLogins.PROVIDER, message = "must be a provider name such as wechat")
                                       String provider,
                                       @NotNull @Size(min = 1, max = 10) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 2048) String> proof,
                                       @Size(min = 8, max = 128) String deviceId) {
    }

    @Inject
    MemberLogin login;

    @Inject
    ExternalLogin external;

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
        return login.signIn(request.merchant(), request.phone(), request.code(), request.deviceId());
    }

    @POST
    @Path("/password-login")
    @Operation(summary = "Sign in with phone (or email) and password",
            description = "200 with the tokens from a device the member has used before. From a new device: 202 with a stepUp "
                    + "challenge, and a code goes to the member's phone; finish with /step-up. Wrong password, unknown phone and an "
                    + "account locked after 5 wrong passwords (for an hour) all answer 401 INVALID_CREDENTIALS.")
    public Response withPassword(@Valid @NotNull PasswordRequest request, @Context HttpServerRequest http) {
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        MemberLogin.PasswordLogin result = login.withPassword(request.merchant(), request.login(), request.password(), request.deviceId(), ip);
        return result.tokens() != null ? Response.ok(result.tokens()).build()
                : Response.accepted(Map.of("stepUp", result.stepUp())).build();
    }

    @POST
    @Path("/step-up")
    @Operation(summary = "Finish a password login from a new device with the SMS code", description = "The device is trusted afterwards.")
    public MemberTokens.Tokens stepUp(@Valid @NotNull StepUpRequest request) {
        return login.stepUp(request.merchant(), request.challenge(), request.code());
    }

    @POST
    @Path("/external-login")
    @Operation(summary = "Sign in with another service (WeChat, QQ) through the merchant's login module",
            description = "The module checks the proof with the service. A linked account signs its member in; an unlinked one with a "
                    + "phone the service verified signs that phone in (registering the member the first time) and links it; an unlinked "
                    + "one whose union id (WeChat, QQ) an account of another of the merchant's apps of that service carries joins that "
                    + "account's member; otherwise 409 EXTERNAL_IDENTITY_NOT_LINKED: sign in by SMS once and link from POST "
                    + "/api/member/me/identities. A proof the service turns down answers 401 EXTERNAL_LOGIN_REFUSED, a service asking to "
                    + "slow down 429 PROVIDER_BUSY, a service that cannot serve or a module that fails 503 LOGIN_PROVIDER_UNAVAILABLE, app "
                    + "credentials the service refuses 503 LOGIN_PROVIDER_MISCONFIGURED (the merchant corrects the module's settings), a "
                    + "provider the merchant did not enable 404 LOGIN_PROVIDER_NOT_FOUND.")
    public MemberTokens.Tokens external(@Valid @NotNull ExternalLoginRequest request) {
        return external.signIn(request.merchant(), request.provider(), request.proof(), request.deviceId());
    }
}
