package io.memberhub.platform.audit;

import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the request, in the role an audited endpoint lets them act in, and where the request came from. */
@RequestScoped
class AuditCaller {

    static final String OPERATOR_ROLE = "platform-admin";
    static final String DEVELOPER_ROLE = "developer";

    /** A merchant's staff member and the merchant. */
    record Staff(CallContext call, Actor actor) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentCall currentCall;

    @Inject
    CurrentVertxRequest vertxRequest;

    /** Empty for devices, members and anyone who is not the merchant's staff. */
    Optional<Staff> staff() {
        return currentCall.find().map(call -> new Staff(call, actor("STAFF", call.userId(), call.role().id())));
    }

    /** The caller acting in a realm role on the platform; empty when they do not hold it. */
    Optional<Actor> platform(Audited.Log log) {
        String role = log == Audited.Log.OPERATOR ? OPERATOR_ROLE : DEVELOPER_ROLE;
        if (identity.isAnonymous() || !identity.hasRole(role) || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return Optional.of(actor(log.name(), token.getSubject(), role));
    }

    RequestOrigin origin() {
        RoutingContext routing = vertxRequest.getCurrent();
        if (routing == null) {
            return new RequestOrigin(null, null, null);
        }
        HttpServerRequest request = routing.request();
        return new RequestOrigin(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader("User-Agent"), request.getHeader(RequestOrigin.REQUEST_ID_HEADER));
    }

    private Actor actor(String kind, String userId, String role) {
        String email = null;
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            email = token.getClaim("email");
            name = token.getClaim("name");
            if (name == null) {
                name = token.getClaim("preferred_username");
            }
        }
        return new Actor(kind, userId, email, name, role);
    }
}
