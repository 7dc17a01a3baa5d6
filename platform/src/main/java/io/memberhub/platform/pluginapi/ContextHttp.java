package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.http.HttpApi;
import io.memberhub.plugin.api.http.OutboundRequest;
import io.memberhub.plugin.api.http.OutboundResponse;

/** {@link HttpApi} for one plugin and merchant. */
final class ContextHttp implements HttpApi {

    private final PluginCaller caller;
    private final OutboundHttp http;

    ContextHttp(PluginCaller caller, OutboundHttp http) {
        this.caller = caller;
        this.http = http;
    }

    @Override
    public OutboundResponse send(OutboundRequest request) {
        caller.require(Permissions.HTTP_OUTBOUND);
        ArgumentChecks.notNull(request, "request");
        // On the platform's side like every service: the client and its configuration are the platform's classes.
        return PlatformSide.call(() -> http.send(request));
    }
}
