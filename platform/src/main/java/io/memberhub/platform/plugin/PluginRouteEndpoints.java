package io.memberhub.platform.plugin;

import io.memberhub.platform.audit.AuditNote;
import io.memberhub.platform.audit.Audited;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The REST face of plugins' {@link io.memberhub.plugin.api.route.spi.RouteHandler}s: every method
 * under {@code /{pluginId}/...} of a prefix. Subclasses root it at a full path and say who the
 * caller is; who may call is checked there, before any plugin code runs.
 */
public abstract class PluginRouteEndpoints {

    private static final String ROUTE = "/{pluginId}{path: (/.*)?}";
    private static final int MAX_REQUEST = 256 * 1024;
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Headers a plugin may not set: the platform's own, and cookies (a plugin must not set the platform's domain's cookies). */
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "transfer-encoding", "connection",
            "set-cookie", "www-authenticate", "strict-transport-security", "access-control-allow-origin");

    /** The caller's merchant and what the plugin is told about the caller ({@code staffId}: a staff person's user id). */
    protected record Caller(TenantBound tenant, RouteRequest.Audience audience, java.util.UUID memberId, String role, java.util.UUID deviceId,
                            String staffId) {
    }

    @Inject
    PluginRoutes routes;

    @Inject
    AuditNote audit;

    @Context
    UriInfo uri;

    /** Authenticates the caller for this prefix (throws 401/403 otherwise). */
    protected abstract Caller caller();

    @GET
    @Path(ROUTE)
    public Response get(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return route("GET", pluginId, path, null, null);
    }

    @DELETE
    @Path(ROUTE)
    @Audited(value = "plugin.route_called", target = "plugin", targetId = "pluginId", details = "path")
    public Response delete(@PathParam("pluginId") String pluginId, @PathParam("path") String path) {
        return route("DELETE", pluginId, path, null, null);
    }

    @POST
    @Path(ROUTE)
    @Consumes(MediaType.WILDCARD)
    @Audited(value = "plugin.route_called", target = "plugin", targetId = "pluginId", details = "path")
    public Response post(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return route("POST", pluginId, path, contentType, body);
    }

    @PUT
    @Path(ROUTE)
    @Consumes(MediaType.WILDCARD)
    @Audited(value = "plugin.route_called", target = "plugin", targetId = "pluginId", details = "path")
    public Response put(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                        @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return route("PUT", pluginId, path, contentType, body);
    }

    @PATCH
    @Path(ROUTE)
    @Consumes(MediaType.WILDCARD)
    @Audited(value = "plugin.route_called", target = "plugin", targetId = "pluginId", details = "path")
    public Response patch(@PathParam("pluginId") String pluginId, @PathParam("path") String path,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return route("PATCH", pluginId, path, contentType, body);
    }

    private Response route(String method, String pluginId, String path, String contentType, String body) {
        Caller caller = caller();
        audit.detail("method", method);
        if (body != null && body.length() > MAX_REQUEST) {
            throw new ProblemException(413, "REQUEST_TOO_LARGE", "Request too large",
                    "A plugin route takes at most " + MAX_REQUEST + " characters", java.util.List.of());
        }
        var request = new RouteRequest(caller.audience(), method, path == null || path.isEmpty() ? "/" : path, uri.getQueryParameters(),
                contentType, body == null || body.isEmpty() ? null : body, caller.memberId(), caller.role(), caller.deviceId(), caller.staffId());
        RouteResponse answer = routes.handle(caller.tenant(), pluginId, request);
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body() != null) {
            response.entity(answer.body()).type(answer.contentType() == null ? MediaType.TEXT_PLAIN : answer.contentType());
        }
        answer.headers().forEach((name, value) -> {
            if (HEADER.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT)) && value != null) {
                response.header(name, value);
            }
        });
        return response.build();
    }
}
