package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.member.MemberApi;
import io.memberhub.plugin.api.member.MemberProfile;
import io.memberhub.platform.member.MemberResponse;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.memberlogin.ExternalIdentities;
import java.util.Optional;
import java.util.UUID;

/** {@link MemberApi} for one plugin and merchant: private custom fields are never shown. */
final class ContextMembers implements MemberApi {

    private final PluginCaller caller;
    private final MemberService members;
    private final ExternalIdentities identities;

    ContextMembers(PluginCaller caller, MemberService members, ExternalIdentities identities) {
        this.caller = caller;
        this.members = members;
        this.identities = identities;
    }

    @Override
    public Optional<MemberProfile> find(UUID memberId) {
        caller.require(Permissions.MEMBERS_READ);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.call(() -> members.shared(caller, memberId).map(ContextMembers::profile));
    }

    @Override
    public Optional<MemberProfile> findByPhone(String phone) {
        caller.require(Permissions.MEMBERS_READ);
        ArgumentChecks.require(phone != null && !phone.isBlank() && phone.length() <= 40, "phone must have 1 to 40 characters");
        return PlatformSide.call(() -> members.sharedByPhone(caller, phone).map(ContextMembers::profile));
    }

    @Override
    public Optional<String> identity(UUID memberId, String provider) {
        caller.require(Permissions.MEMBERS_READ);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(provider != null && !provider.isBlank() && provider.length() <= 64, "provider must have 1 to 64 characters");
        return PlatformSide.call(() -> identities.subjectOf(caller, memberId, caller.pluginId(), provider));
    }

    private static MemberProfile profile(MemberResponse m) {
        return new MemberProfile(m.id(), m.phone(), m.name(), m.email(), m.gender() == null ? null : m.gender().name(), m.birthday(),
                m.registrationSource(), m.fields(), m.referredBy(), m.createdAt());
    }
}
