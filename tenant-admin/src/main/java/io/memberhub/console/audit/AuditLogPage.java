package io.memberhub.console.audit;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.settings.AdminForm;
import io.memberhub.console.settings.AdminOnly;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The audit log (owners and admins): what the merchant's staff did, newest first, when in the
 * merchant's time zone, who in which role, the action in words, what it was done to (a member
 * linked to their portrait) and from which address and browser; filtered, and paged back by the
 * platform's cursor. Operators get the page saying their role cannot open it.
 */
@Path("/console/settings/audit-log")
@Produces(MediaType.TEXT_HTML)
public class AuditLogPage {

    /** The areas the action filter offers: each is the beginning of the action codes of one part of the platform. */
    static final List<String> AREAS = List.of("member.", "staff.", "points.", "wallet.", "order.", "coupon.", "level.", "tag.",
            "segment.", "campaign.", "lifecycle.", "plugin.", "webhook.", "device.", "member_field.", "settings.");
    private static final List<String> FIELDS = List.of("actor", "action", "q", "from", "to");
    private static final int PAGE_SIZE = 50;
    /** A day the console could not read; the page words it itself. */
    static final String NOT_A_DATE = "NOT_A_DATE";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(Merchant merchant, AuditFilter filter, AdminForm form, List<AuditRow> rows, String older,
                                           List<String> areas, String zone);
    }

    @Inject
    @RestClient
    AuditApi audit;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    AdminOnly adminOnly;

    @Inject
    RequestLocale locale;

    @GET
    public Response log(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("q") String q,
                        @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("targetType") String targetType,
                        @QueryParam("targetId") String targetId, @QueryParam("cursor") String cursor) {
        AuditFilter filter = new AuditFilter(actor, action, q, from, to, targetType, targetId, cursor);
        AdminForm form = new AdminForm(FIELDS, filter.typed(), Map.of(), null);
        ZoneId zone = zone();
        LocalDate since = day(filter.from());
        LocalDate until = day(filter.to());
        if (filter.from() != null && since == null) {
            form = form.withError("from", NOT_A_DATE, null);
        }
        if (filter.to() != null && until == null) {
            form = form.withError("to", NOT_A_DATE, null);
        }
        if (form.hasErrors()) {
            return page(400, filter, form, List.of(), null, zone);
        }
        AuditApi.Page found;
        try {
            found = audit.auditLog(filter.actor(), filter.action(), filter.targetType(), filter.targetId(),
                    since == null ? null : since.atStartOfDay(zone).toOffsetDateTime().toString(),
                    until == null ? null : until.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString(),
                    filter.q(), filter.cursor(), PAGE_SIZE);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 403) {
                return adminOnly.refused(refused);
            }
            return page(refused.problem().status(), filter, form.refusedBy(AdminOnly.shownOnPage(refused), Map.of()), List.of(), null, zone);
        }
        List<AuditRow> rows = found.entries().stream().map(entry -> AuditRow.of(entry, zone)).toList();
        return page(200, filter, form, rows, found.next(), zone);
    }

    private Response page(int status, AuditFilter filter, AdminForm form, List<AuditRow> rows, String older, ZoneId zone) {
        TemplateInstance page = Templates.log(platform.merchant(), filter, form, rows, older, AREAS, zone.getId());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }

    /** Where the merchant counts its days; UTC if it names no zone Java knows. */
    private ZoneId zone() {
        String named = audit.zone().timeZone();
        try {
            return named == null ? ZoneId.of("UTC") : ZoneId.of(named);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** A typed day, or null when it is none (the browser's date field sends {@code 2026-05-01}). */
    private static LocalDate day(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
