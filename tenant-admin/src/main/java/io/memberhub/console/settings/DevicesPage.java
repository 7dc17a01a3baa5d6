package io.memberhub.console.settings;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Devices and API credentials (owners and admins): register a gate, scanner or server integration,
 * its client id, secret and token URL shown on the answer to the registration or a rotation only;
 * rotate the secret; revoke a device, whose tokens the platform refuses from then on.
 */
@Path("/console/settings/devices")
@Produces(MediaType.TEXT_HTML)
public class DevicesPage {

    static final List<String> KINDS = List.of("GATE", "SCANNER", "INTEGRATION");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, List<SettingsApi.Device> devices, List<String> kinds, AdminForm form,
                                            SettingsApi.Credentials credentials, String done, AdminForm.Problem refusal);
    }

    @Inject
    @RestClient
    SettingsApi settings;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    AdminOnly adminOnly;

    @Inject
    RequestLocale locale;

    @GET
    public Response list(@QueryParam("done") String done) {
        return page(200, AdminForm.empty(), null, done, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        AdminForm typed = AdminForm.typed(form, "name", "kind");
        SettingsApi.Credentials credentials;
        try {
            credentials = settings.register(new SettingsApi.Registration(typed.values().get("name"), typed.values().get("kind")));
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), typed.refusedBy(AdminOnly.shownOnPage(refused), Map.of()), null, null, null);
        }
        return AdminOnly.showingSecret(page(200, AdminForm.empty(), credentials, "registered", null));
    }

    @POST
    @Path("/{id}/secret")
    public Response rotate(@PathParam("id") UUID id) {
        SettingsApi.Credentials credentials;
        try {
            credentials = settings.rotateDeviceSecret(id);
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return AdminOnly.showingSecret(page(200, AdminForm.empty(), credentials, "rotated", null));
    }

    @POST
    @Path("/{id}/revocation")
    public Response revoke(@PathParam("id") UUID id) {
        try {
            settings.revoke(id);
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/settings/devices?done=revoked")).build();
    }

    private Response page(int status, AdminForm form, SettingsApi.Credentials credentials, String done, AdminForm.Problem refusal) {
        List<SettingsApi.Device> devices;
        try {
            devices = settings.devices();
        } catch (PlatformRefusal refused) {
            return adminOnly.refused(refused);
        }
        TemplateInstance page = Templates.list(platform.merchant(), devices, KINDS, form, credentials, done == null ? "" : done, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }
}
