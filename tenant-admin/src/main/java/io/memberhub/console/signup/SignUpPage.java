package io.memberhub.console.signup;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformProblem;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.PublicPlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Merchant sign-up: the platform creates the tenant and the owner's login, then the owner signs in
 * through Keycloak with the email already filled in. The platform validates; this page shows its
 * answers next to the fields they concern and keeps what was typed (except the password).
 */
@Path("/sign-up")
public class SignUpPage {

    /** Refusals about one field that the platform reports by code rather than by field. */
    private static final Map<String, String> FIELD_OF_CODE = Map.of(
            "TENANT_SLUG_TAKEN", "slug",
            "EMAIL_TAKEN", "ownerEmail");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(SignUpForm form);
    }

    @Inject
    @RestClient
    PublicPlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return locale.on(Templates.form(SignUpForm.empty()));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("merchantName") String merchantName, @FormParam("slug") String slug,
                           @FormParam("ownerEmail") String ownerEmail, @FormParam("ownerPassword") String ownerPassword) {
        SignUpForm form = new SignUpForm(trim(merchantName), trim(slug), trim(ownerEmail), null);
        try {
            platform.signUp(new PublicPlatformApi.SignUp(form.merchantName(), form.slug(), form.ownerEmail(), ownerPassword));
        } catch (PlatformRefusal refused) {
            PlatformProblem problem = refused.problem();
            if (problem.status() >= 500 || problem.status() == 429) {
                throw refused;
            }
            String field = FIELD_OF_CODE.get(problem.code());
            SignUpForm answered = form.withProblem(problem, field);
            return Response.status(problem.status()).entity(locale.on(Templates.form(answered))).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/console").queryParam("login_hint", form.ownerEmail()).build()).build();
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
