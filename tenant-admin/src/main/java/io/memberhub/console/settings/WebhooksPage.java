package io.memberhub.console.settings;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Webhooks (owners and admins): subscribe a URL to events, its signing secret shown on the answer to
 * the subscription or a rotation only, unsubscribe, and each subscription's delivery log by status
 * with a replay per delivery. The platform lists no event types, so they are typed.
 */
@Path("/console/settings/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhooksPage {

    static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "DEAD");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, List<SettingsApi.Webhook> webhooks, AdminForm form, SettingsApi.Webhook secretOf,
                                            String done, AdminForm.Problem refusal);

        static native TemplateInstance deliveries(Merchant merchant, SettingsApi.Webhook webhook, List<SettingsApi.Delivery> deliveries,
                                                  List<String> statuses, String status, String replayed, AdminForm.Problem refusal);
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
        return listPage(200, AdminForm.empty(), null, done, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(MultivaluedMap<String, String> form) {
        AdminForm typed = AdminForm.typed(form, "url", "eventTypes");
        SettingsApi.Webhook created;
        try {
            created = settings.subscribe(new SettingsApi.Subscription(typed.values().get("url"), eventTypes(typed.value("eventTypes"))));
        } catch (PlatformRefusal refused) {
            return listPage(refused.problem().status(), typed.refusedBy(AdminOnly.shownOnPage(refused), Map.of()), null, null, null);
        }
        return AdminOnly.showingSecret(listPage(200, AdminForm.empty(), created, "subscribed", null));
    }

    @POST
    @Path("/{id}/secret")
    public Response rotate(@PathParam("id") UUID id) {
        SettingsApi.Webhook rotated;
        try {
            rotated = settings.rotateWebhookSecret(id);
        } catch (PlatformRefusal refused) {
            return listPage(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return AdminOnly.showingSecret(listPage(200, AdminForm.empty(), rotated, "rotated", null));
    }

    @POST
    @Path("/{id}/deletion")
    public Response unsubscribe(@PathParam("id") UUID id) {
        try {
            settings.unsubscribe(id);
        } catch (PlatformRefusal refused) {
            return listPage(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/settings/webhooks?done=unsubscribed")).build();
    }

    @GET
    @Path("/{id}/deliveries")
    public Response deliveries(@PathParam("id") UUID id, @QueryParam("status") String status, @QueryParam("replayed") String replayed) {
        return deliveriesPage(200, id, status, replayed, null);
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/replay")
    public Response replay(@PathParam("id") UUID id, @PathParam("delivery") UUID delivery, @FormParam("status") String status) {
        try {
            settings.replay(delivery);
        } catch (PlatformRefusal refused) {
            return deliveriesPage(refused.problem().status(), id, status, null, AdminOnly.alertOf(refused));
        }
        String filter = status != null && STATUSES.contains(status) ? "status=" + status + "&" : "";
        return Response.seeOther(URI.create("/console/settings/webhooks/" + id + "/deliveries?" + filter + "replayed=" + delivery)).build();
    }

    private Response deliveriesPage(int status, UUID id, String filter, String replayed, AdminForm.Problem refusal) {
        String chosen = filter != null && STATUSES.contains(filter) ? filter : null;
        SettingsApi.Webhook webhook;
        List<SettingsApi.Delivery> log;
        try {
            webhook = settings.webhooks().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow(jakarta.ws.rs.NotFoundException::new);
            log = settings.deliveries(id, chosen);
        } catch (PlatformRefusal refused) {
            return adminOnly.refused(refused);
        }
        TemplateInstance page = Templates.deliveries(platform.merchant(), webhook, log, STATUSES, chosen == null ? "" : chosen,
                replayed == null ? "" : replayed, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }

    private Response listPage(int status, AdminForm form, SettingsApi.Webhook secretOf, String done, AdminForm.Problem refusal) {
        List<SettingsApi.Webhook> webhooks;
        try {
            webhooks = settings.webhooks();
        } catch (PlatformRefusal refused) {
            return adminOnly.refused(refused);
        }
        TemplateInstance page = Templates.list(platform.merchant(), webhooks, form, secretOf, done == null ? "" : done, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }

    /** Event types typed with commas, spaces or one a line; none means every event. */
    static List<String> eventTypes(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
