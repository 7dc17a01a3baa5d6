package io.memberhub.console.signin;

import io.memberhub.console.i18n.RequestLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The console's front door. Signing in itself is Keycloak's (OIDC code flow): any page under
 * {@code /console} sends a signed-out visitor there and back.
 */
@Path("/")
public class LandingPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing();
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestLocale locale;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/console")).build();
        }
        return Response.ok(locale.on(Templates.landing())).build();
    }
}
