package io.memberhub.platform.memberapi;

import io.memberhub.platform.level.MemberLevelResponse;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberResponse;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member API for apps and mini-programs: the signed-in member's own data. */
@Path("/api/member/me")
@Tag(name = "Member API")
@Authenticated
public class MyProfileResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    io.memberhub.platform.membercode.MemberCodes codes;

    @Inject
    io.memberhub.platform.plugin.MemberPluginBenefits pluginBenefits;

    @GET
    @Operation(summary = "My profile at this merchant")
    public MemberResponse profile() {
        MemberCall me = currentMember.get();
        return members.own(me, me.memberId());
    }

    @GET
    @Path("/level")
    @Operation(summary = "My level, its benefits' progress and what the next level takes")
    public MemberLevelResponse level() {
        MemberCall me = currentMember.get();
        return levels.standing(me, me.memberId());
    }

    @GET
    @Path("/plugin-benefits")
    @Operation(summary = "My benefits from the merchant's modules", description = "Beside my level's own benefits, e.g. free delivery.")
    public java.util.List<io.memberhub.platform.plugin.PluginBenefits.PluginBenefit> pluginBenefits() {
        MemberCall me = currentMember.get();
        return pluginBenefits.of(me, me.memberId());
    }

    @GET
    @Path("/code")
    @Operation(summary = "My member code, to show as a QR code",
            description = "Signed by the merchant, valid for a minute; fetch a new one every refreshInSeconds so a screenshot stops working.")
    public io.memberhub.platform.membercode.MemberCodes.Issued code() {
        MemberCall me = currentMember.get();
        return codes.issue(me, me.memberId());
    }
}
