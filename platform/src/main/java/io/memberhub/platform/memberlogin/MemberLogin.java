package io.memberhub.platform.memberlogin;

import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.identity.MemberTokens;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenant.Tenant;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Members signing in to a merchant's app with their phone: a code by SMS, then the code for a token.
 * The first sign-in creates the person's account (shared by every merchant they join), makes them a
 * member of the merchant's organization, and registers or links their member record.
 */
@ApplicationScoped
public class MemberLogin {

    @Inject
    TenantRepository tenants;

    @Inject
    SmsCodes codes;

    @Inject
    KeycloakDirectory directory;

    @Inject
    MemberService members;

    @Inject
    MemberTokens tokens;

    @Inject
    MemberDevices devices;

    @Inject
    MemberLogins logins;

    public Instant sendCode(String merchant, String phone, String clientIp) {
        Tenant tenant = merchant(merchant);
        return codes.send(TenantBound.of(tenant.id()), phone, clientIp, tenant.name());
    }

    /** A password login's outcome: the tokens, or a challenge to answer with the code just sent by SMS. */
    public record PasswordLogin(MemberTokens.Tokens tokens, StepUp stepUp) {
    }

    public record StepUp(java.util.UUID challenge, String phone, Instant codeExpiresAt) {
    }

    /**
     * Phone and password. From a device the member has not signed in from before, no token yet: a
     * code goes to the member's phone and the login completes with {@link #stepUp}.
     */
    public PasswordLogin withPassword(String merchant, String username, String password, String deviceId, String clientIp) {
        Tenant tenant = merchant(merchant);
        TenantBound bound = TenantBound.of(tenant.id());
        MemberTokens.Tokens issued = tokens.withPassword(username, password, tenant.slug()).orElseThrow(MemberLogin::refused);
        java.util.UUID memberId = members.byLogin(bound, tokens.subjectOf(issued)).orElseThrow(MemberLogin::refused);
        if (devices.known(bound, memberId, deviceId)) {
            devices.remember(bound, memberId, deviceId);
            logins.loggedIn(bound, memberId, "PASSWORD", deviceId);
            return new PasswordLogin(issued, null);
        }
        java.util.UUID challenge = devices.challenge(bound, memberId, deviceId);
        String phone = members.phoneOf(bound, memberId);
        Instant expires = codes.send(bound, phone, clientIp, tenant.name());
        return new PasswordLogin(null, new StepUp(challenge, masked(phone), expires));
    }

    /** Completes a password login from a new device with the code sent for it; the device is known from now on. */
    public MemberTokens.Tokens stepUp(String merchant, java.util.UUID challengeId, String code) {
        Tenant tenant = merchant(merchant);
        TenantBound bound = TenantBound.of(tenant.id());
        MemberDevices.Challenge challenge = devices.peek(bound, challengeId).orElseThrow(MemberLogin::wrongCode);
        if (!codes.verify(bound, members.phoneOf(bound, challenge.memberId()), code)
                || devices.consume(bound, challengeId).isEmpty()) {
            throw wrongCode();
        }
        devices.remember(bound, challenge.memberId(), challenge.deviceId());
        logins.loggedIn(bound, challenge.memberId(), "STEP_UP", challenge.deviceId());
        return tokens.forUser(members.loginOf(bound, challenge.memberId()).orElseThrow(MemberLogin::wrongCode), tenant.slug());
    }

    private static String masked(String phone) {
        return phone.length() <= 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static ProblemException refused() {
        return new ProblemException(401, "INVALID_CREDENTIALS", "Sign-in refused",
                "The phone or password is wrong, or the account is locked for a while after too many attempts", List.of());
    }

    private static ProblemException wrongCode() {
        return new ProblemException(401, "INVALID_CODE", "Sign-in refused", "The code is wrong or has expired; ask for a new one", List.of());
    }

    /** The code proves the phone, so the device it came from (if the app names one) is trusted from now on. */
    public MemberTokens.Tokens signIn(String merchant, String phone, String code, String deviceId) {
        Tenant tenant = merchant(merchant);
        TenantBound bound = TenantBound.of(tenant.id());
        if (!codes.verify(bound, phone, code)) {
            throw wrongCode();
        }
        try {
            String userId = directory.memberLogin(phone);
            directory.addMember(tenant.keycloakOrgId(), userId);
            java.util.UUID memberId = members.signedIn(bound, phone, userId);
            if (deviceId != null) {
                devices.remember(bound, memberId, deviceId);
            }
            logins.loggedIn(bound, memberId, "SMS_CODE", deviceId);
            return tokens.forUser(userId, tenant.slug());
        } catch (ProblemException e) {
            if (e.status() == 503) {
                // Keycloak is away: the same code signs the member in once it is back (the answer says to try again shortly).
                codes.giveBack(bound, phone);
            }
            throw e;
        }
    }

    private Tenant merchant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("MERCHANT_NOT_FOUND", "No merchant " + slug));
    }
}
