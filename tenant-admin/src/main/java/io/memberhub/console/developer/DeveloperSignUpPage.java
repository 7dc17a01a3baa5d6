package io.memberhub.console.developer;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.FormAnswer;
import io.memberhub.console.platform.PlatformRefusal;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A module developer registers with the market (a Keycloak login with the developer role), then
 * signs in through Keycloak, email filled in, and lands in the developer area.
 */
@Path("/developers/sign-up")
@Produces(MediaType.TEXT_HTML)
public class DeveloperSignUpPage {

    private static final Map<String, String> FIELD_OF_CODE = Map.of("EMAIL_TAKEN", "email");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormAnswer form);
    }

    @Inject
    @RestClient
    DeveloperSignUpApi market;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show() {
        return locale.on(Templates.form(FormAnswer.empty()));
    }

    @POST
    public Response submit(@FormParam("name") String name, @FormParam("email") String email, @FormParam("password") String password) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", name == null ? "" : name.strip());
        typed.put("email", email == null ? "" : email.strip());
        try {
            market.register(new DeveloperSignUpApi.Registration(typed.get("name"), typed.get("email"), password));
        } catch (PlatformRefusal refused) {
            if (!FormAnswer.shownOnForm(refused.problem()) || refused.problem().status() == 429) {
                throw refused;
            }
            FormAnswer answer = FormAnswer.refused(typed, refused.problem(), UnaryOperator.identity(), FIELD_OF_CODE);
            return Response.status(refused.problem().status()).entity(locale.on(Templates.form(answer))).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/console/developer").queryParam("login_hint", typed.get("email")).build()).build();
    }
}
