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

    public Instant sendCode(String merchant, String phone, String clientIp) {
        Tenant tenant = merchant(merchant);
        return codes.send(TenantBound.of(tenant.id()), phone, clientIp, tenant.name());
    }

    public MemberTokens.Tokens signIn(String merchant, String phone, String code) {
        Tenant tenant = merchant(merchant);
        TenantBound bound = TenantBound.of(tenant.id());
        if (!codes.verify(bound, phone, code)) {
            throw new ProblemException(401, "INVALID_CODE", "Sign-in refused",
                    "The code is wrong or has expired; ask for a new one", List.of());
        }
        String userId = directory.memberLogin(phone);
        directory.addMember(tenant.keycloakOrgId(), userId);
        members.signedIn(bound, phone, userId);
        return tokens.forUser(userId, tenant.slug());
    }

    private Tenant merchant(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("MERCHANT_NOT_FOUND", "No merchant " + slug));
    }
}
