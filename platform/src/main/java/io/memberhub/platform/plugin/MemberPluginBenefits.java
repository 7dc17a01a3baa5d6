package io.memberhub.platform.plugin;

import io.memberhub.platform.level.LevelRef;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** A member's plugin benefits, asked with the level the member holds now. */
@ApplicationScoped
public class MemberPluginBenefits {

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    PluginBenefits benefits;

    public List<PluginBenefits.PluginBenefit> of(TenantBound tenant, UUID memberId) {
        members.requireLive(tenant, memberId);
        LevelRef level = levels.standing(tenant, memberId).level();
        return benefits.of(tenant, memberId, level == null ? null : level.name());
    }
}
