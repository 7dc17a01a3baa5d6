package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.member.MemberApi;
import io.memberhub.plugin.api.member.MemberProfile;
import io.memberhub.platform.member.MemberResponse;
import io.memberhub.platform.member.MemberService;
import java.util.Optional;
import java.util.UUID;

/** {@link MemberApi} for one plugin and merchant: private custom fields are never shown. */
final class ContextMembers implements MemberApi {

    private final PluginCaller caller;
    private final MemberService members;

    ContextMembers(PluginCaller caller, MemberService members) {
        this.caller = caller;
        this.members = members;
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

    private static MemberProfile profile(MemberResponse m) {
        return new MemberProfile(m.id(), m.phone(), m.name(), m.email(), m.gender() == null ? null : m.gender().name(), m.birthday(),
                m.registrationSource(), m.fields(), m.referredBy(), m.createdAt());
    }
}
