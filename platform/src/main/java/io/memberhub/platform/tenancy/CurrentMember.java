package io.memberhub.platform.tenancy;

import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenant.TenantRepository;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The member a request to {@code /api/member/*} acts as: the merchant comes from the token's
 * organization claim (the header may only pick one of those), the member from the token's subject.
 */
@RequestScoped
public class CurrentMember {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    HttpServerRequest http;

    @Inject
    TenantRepository tenants;

    @Inject
    MemberService members;

    private MemberCall resolved;

    public MemberCall get() {
        if (resolved != null) {
            return resolved;
        }
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        List<String> organizations = OrganizationClaim.aliases(token);
        String requested = http.getHeader(CallContextResolver.TENANT_HEADER);
        String slug;
        if (requested != null && !requested.isBlank()) {
            if (!organizations.contains(requested)) {
                throw notMember();
            }
            slug = requested;
        } else if (organizations.size() == 1) {
            slug = organizations.getFirst();
        } else {
            throw ProblemException.forbidden("MERCHANT_REQUIRED", organizations.isEmpty()
                    ? "This token names no merchant: sign in through /api/member/auth"
                    : "You are a member of several merchants: name one in the " + CallContextResolver.TENANT_HEADER + " header");
        }
        var tenant = tenants.findBySlug(slug).orElseThrow(CurrentMember::notMember);
        var memberId = members.byLogin(TenantBound.of(tenant.id()), token.getSubject()).orElseThrow(CurrentMember::notMember);
        resolved = new MemberCall(tenant.id(), tenant.slug(), memberId);
        return resolved;
    }

    private static ProblemException notMember() {
        return ProblemException.forbidden("NOT_A_MEMBER", "You are not a member of this merchant");
    }
}
