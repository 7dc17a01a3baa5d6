package io.memberhub.platform.memberlogin;

import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.identity.MemberTokens;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.plugin.PluginLoginProviders;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.MemberCall;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenant.Tenant;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in with another service (WeChat, QQ) through the merchant's login plugin. The service vouches
 * for the person; a linked identity finds its member, an unlinked one with a phone the service
 * verified signs that phone in (registering the member on first sign-in) and links it; without
 * a phone the member signs in by SMS once and links the service from the app.
 */
@ApplicationScoped
public class ExternalLogin {

    @Inject
    TenantRepository tenants;

    @Inject
    PluginLoginProviders providers;

    @Inject
    ExternalIdentities identities;

    @Inject
    KeycloakDirectory directory;

    @Inject
    MemberService members;

    @Inject
    MemberDevices devices;

    @Inject
    MemberTokens tokens;

    @Inject
    MemberLogins logins;

    /** No step-up for a new device: the service just authenticated the person, as an SMS code would. */
    public MemberTokens.Tokens signIn(String merchant, String provider, Map<String, String> proof, String deviceId) {
        Tenant tenant = tenants.findBySlug(merchant).orElseThrow(() -> ProblemException.notFound("MERCHANT_NOT_FOUND", "No merchant " + merchant));
        TenantBound bound = TenantBound.of(tenant.id());
        PluginLoginProviders.Identified who = providers.identify(bound, provider, proof);
        UUID linked = identities.memberOf(bound, provider, who.subject(), who.unionId()).or(() -> joinedByUnion(bound, who)).orElse(null);
        UUID memberId = linked;
        String userId;
        if (linked != null) {
            userId = members.loginOf(bound, linked).orElseGet(() -> signInPhone(tenant, members.phoneOf(bound, linked)));
        } else if (who.phone() != null) {
            userId = signInPhone(tenant, who.phone());
            memberId = members.byLogin(bound, userId).orElseThrow();
            link(bound, memberId, who);
        } else {
            throw ProblemException.conflict("EXTERNAL_IDENTITY_NOT_LINKED", "This " + provider + " account is not linked to a member of "
                    + tenant.name() + " and " + provider + " shared no phone number: sign in with an SMS code once, then link " + provider
                    + " with POST /api/member/me/identities");
        }
        if (deviceId != null) {
            devices.remember(bound, memberId, deviceId);
        }
        logins.loggedIn(bound, memberId, "EXTERNAL:" + provider, deviceId);
        return tokens.forUser(userId, tenant.slug());
    }

    /** Links the service's account the proof stands for to the signed-in member. */
    public List<ExternalIdentities.LinkedIdentity> link(MemberCall me, String provider, Map<String, String> proof) {
        PluginLoginProviders.Identified who = providers.identify(me, provider, proof);
        link(me, me.memberId(), who);
        return identities.of(me, me.memberId());
    }

    /**
     * A first sign-in with one of the merchant's apps (the mini-program) by a person the service knows
     * under the same union id as an account of another of its apps (the website) that a member linked:
     * the same person, so the same member, and the new account is linked to them.
     */
    private Optional<UUID> joinedByUnion(TenantBound tenant, PluginLoginProviders.Identified who) {
        if (who.unionId() == null) {
            return Optional.empty();
        }
        Optional<UUID> member = identities.memberOfUnion(tenant, who.pluginId(), who.unionId());
        member.ifPresent(id -> link(tenant, id, who));
        return member;
    }

    private void link(TenantBound tenant, UUID memberId, PluginLoginProviders.Identified who) {
        identities.link(tenant, memberId, who.pluginId(), who.provider(), who.subject(), who.displayName(), who.unionId());
    }

    private String signInPhone(Tenant tenant, String phone) {
        String userId = directory.memberLogin(phone);
        directory.addMember(tenant.keycloakOrgId(), userId);
        members.signedIn(TenantBound.of(tenant.id()), phone, userId);
        return userId;
    }
}
