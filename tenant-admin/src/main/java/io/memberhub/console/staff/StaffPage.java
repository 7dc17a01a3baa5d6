package io.memberhub.console.staff;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Staff and roles: who works for the merchant as what; owners and admins invite people (admins only
 * operators), owners change roles and remove people. A new login's temporary password is shown on
 * the answer to the invitation only; the person chooses their own at the first sign-in.
 */
@Path("/console/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffPage {

    /** Refusals that concern one field of the invitation form. */
    private static final Map<String, String> CODE_FIELDS = Map.of("STAFF_EXISTS", "email", "EMAIL_TAKEN", "email", "OWNER_ONLY", "role");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, StaffAccount me, List<StaffApi.Staff> staff, List<String> invitable,
                                            AdminForm form, StaffApi.Staff invited, String done, AdminForm.Problem refusal);
    }

    @Inject
    @RestClient
    StaffApi staff;

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
    public Response invite(MultivaluedMap<String, String> form) {
        AdminForm typed = AdminForm.typed(form, "email", "role");
        StaffApi.Staff invited;
        try {
            invited = staff.invite(new StaffApi.Invitation(typed.values().get("email"), typed.values().get("role")));
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), typed.refusedBy(AdminOnly.shownOnPage(refused), CODE_FIELDS), null, null, null);
        }
        return AdminOnly.showingSecret(page(200, AdminForm.empty(), invited, null, null));
    }

    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("id") UUID id, @FormParam("role") String role) {
        try {
            staff.changeRole(id, new StaffApi.RoleChange(role));
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/staff?done=role")).build();
    }

    @POST
    @Path("/{id}/removal")
    public Response remove(@PathParam("id") UUID id) {
        try {
            staff.remove(id);
        } catch (PlatformRefusal refused) {
            return page(refused.problem().status(), AdminForm.empty(), null, null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/staff?done=removed")).build();
    }

    private Response page(int status, AdminForm form, StaffApi.Staff invited, String done, AdminForm.Problem refusal) {
        StaffAccount me = platform.me();
        if (!me.managesStaff()) {
            return adminOnly.refused(me, null);
        }
        List<StaffApi.Staff> people;
        try {
            people = staff.list();
        } catch (PlatformRefusal refused) {
            return adminOnly.refused(refused);
        }
        List<String> invitable = "owner".equals(me.role()) ? List.of("operator", "admin") : List.of("operator");
        TemplateInstance page = Templates.list(platform.merchant(), me, people, invitable, form, invited,
                done == null ? "" : done, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }
}
