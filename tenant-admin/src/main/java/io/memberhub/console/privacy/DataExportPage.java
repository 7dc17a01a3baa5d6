package io.memberhub.console.privacy;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.StaffAccount;
import io.memberhub.console.settings.AdminForm;
import io.memberhub.console.settings.AdminOnly;
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
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Export all data" (the owner): start an export of everything the merchant has, follow it, and
 * download its archive while it is kept. Others see a page that says only the owner may.
 */
@Path("/console/settings/data-export")
@Produces(MediaType.TEXT_HTML)
public class DataExportPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, List<PrivacyApi.ExportJob> jobs, String key, String done,
                                            AdminForm.Problem refusal);

        static native TemplateInstance ownerOnly(Merchant merchant, StaffAccount me);
    }

    @Inject
    @RestClient
    PrivacyApi privacy;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public Response list(@QueryParam("done") String done) {
        return page(200, done, null);
    }

    /** Starts an export; the form's own key makes a second send (a double click, a reload) start none more. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(MultivaluedMap<String, String> form) {
        String key = form.getFirst("key");
        try {
            privacy.export(key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 403) {
                return ownerOnly();
            }
            return page(refused.problem().status(), null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/settings/data-export?done=queued")).build();
    }

    /** The archive, passed on from the platform as it arrives. */
    @GET
    @Path("/{id}/archive")
    @Produces("application/zip")
    public Response archive(@PathParam("id") UUID id) {
        try {
            return Response.ok(privacy.archive(id), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"memberhub-" + platform.merchant().slug() + "-"
                            + id.toString().substring(0, 8) + ".zip\"")
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 403) {
                return ownerOnly();
            }
            return page(refused.problem().status(), null, AdminOnly.alertOf(refused));
        }
    }

    private Response page(int status, String done, AdminForm.Problem refusal) {
        List<PrivacyApi.ExportJob> jobs;
        try {
            jobs = privacy.exports();
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 403) {
                return ownerOnly();
            }
            throw refused;
        }
        TemplateInstance page = Templates.list(platform.merchant(), jobs, UUID.randomUUID().toString(), done == null ? "" : done, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }

    private Response ownerOnly() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(locale.on(Templates.ownerOnly(platform.merchant(), platform.me()))).build();
    }
}
