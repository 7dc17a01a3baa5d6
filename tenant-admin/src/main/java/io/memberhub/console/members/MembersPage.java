package io.memberhub.console.members;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Members: a searchable list and each member's portrait (profile, level, points, tags, coupons),
 * all read from the platform's API with the signed-in person's token, so private fields arrive
 * masked for the roles that may not see them.
 */
@Path("/console/members")
@Produces(MediaType.TEXT_HTML)
public class MembersPage {

    private static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, MemberViews.Page members, Filter filter, List<LevelViews.Level> levels,
                                            List<MemberViews.Tag> tags);

        static native TemplateInstance portrait(Merchant merchant, MemberViews.Member member, MemberViews.Level level,
                                                MemberViews.Points points, List<MemberViews.Tag> tags, List<MemberViews.Coupon> coupons);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    /** What the list is narrowed to; kept in the pager's links. */
    public record Filter(String q, UUID level, UUID tag) {

        /** The query string that keeps this filter on another page of the list. */
        public String query() {
            StringBuilder query = new StringBuilder("q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            if (level != null) {
                query.append("&level=").append(level);
            }
            if (tag != null) {
                query.append("&tag=").append(tag);
            }
            return query.toString();
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("level") String level, @QueryParam("tag") String tag,
                                 @QueryParam("page") @DefaultValue("0") int page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        Filter filter = new Filter(query == null ? "" : query, uuid(level), uuid(tag));
        return locale.on(Templates.list(platform.merchant(), platform.members(query, filter.level(), filter.tag(), Math.max(page, 0), PAGE_SIZE),
                filter, platform.levels(), platform.allTags()));
    }

    /** A filter left on "any" (or tampered with) narrows nothing. */
    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** The platform's CSV export, passed through as a download. */
    @GET
    @Path("/export")
    @Produces("text/csv")
    public jakarta.ws.rs.core.Response export() {
        return jakarta.ws.rs.core.Response.ok(platform.exportMembers(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance portrait(@PathParam("id") UUID id) {
        MemberViews.Member member = platform.member(id);
        return locale.on(Templates.portrait(platform.merchant(), member, levelOf(id), platform.points(id), platform.tags(id), platform.coupons(id)));
    }

    /** A member before any level applies has none: the page says so rather than failing. */
    private MemberViews.Level levelOf(UUID id) {
        try {
            return platform.level(id);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 404) {
                return new MemberViews.Level(null, null);
            }
            throw refused;
        }
    }
}
