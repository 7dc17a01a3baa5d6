package io.memberhub.console.privacy;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A member's privacy requests from the portrait (owners and admins): download everything held about
 * the member, and erase their personal data after a confirmation step that names what goes and asks
 * for the reason and the word ERASE. The platform checks both again and refuses what is missing.
 */
@Path("/console/members/{id}/privacy")
@Produces(MediaType.TEXT_HTML)
public class MemberPrivacyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance erasure(Merchant merchant, MemberViews.Member member, AdminForm form, String key);

        static native TemplateInstance erased(Merchant merchant, PrivacyApi.Erasure erasure);
    }

    @Inject
    @RestClient
    PrivacyApi privacy;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    /** The platform's JSON document about the member, passed on as a download. */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("id") UUID id) {
        return Response.ok(privacy.memberExport(id), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"member-" + id + ".json\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/erasure")
    public TemplateInstance confirm(@PathParam("id") UUID id) {
        return locale.on(Templates.erasure(platform.merchant(), platform.member(id), AdminForm.empty(), UUID.randomUUID().toString()));
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        AdminForm form = AdminForm.typed(typed, "reason", "confirm");
        String key = typed.getFirst("key") == null || typed.getFirst("key").isBlank() ? UUID.randomUUID().toString() : typed.getFirst("key");
        Map<String, String> request = new LinkedHashMap<>();
        request.put("confirm", form.value("confirm"));
        request.put("reason", form.value("reason"));
        PrivacyApi.Erasure erasure;
        try {
            erasure = privacy.erase(id, key, request);
        } catch (PlatformRefusal refused) {
            AdminForm shown = form.refusedBy(AdminOnly.shownOnPage(refused), Map.of());
            TemplateInstance page = Templates.erasure(platform.merchant(), platform.member(id), shown, key);
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
        }
        return Response.ok(locale.on(Templates.erased(platform.merchant(), erasure)), MediaType.TEXT_HTML_TYPE).build();
    }
}
