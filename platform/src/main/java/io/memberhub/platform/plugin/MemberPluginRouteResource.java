package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.platform.tenancy.CurrentMember;
import io.memberhub.platform.tenancy.MemberCall;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plugins' routes for the merchant's signed-in members: {@code /api/member/ext/{pluginId}/...}. */
@Path("/api/member/ext")
@Tag(name = "Plugin routes")
public class MemberPluginRouteResource extends PluginRouteEndpoints {

    @Inject
    CurrentMember currentMember;

    @Override
    protected Caller caller() {
        MemberCall me = currentMember.get();
        return new Caller(me, RouteRequest.Audience.MEMBER, me.memberId(), null, null, null);
    }
}
