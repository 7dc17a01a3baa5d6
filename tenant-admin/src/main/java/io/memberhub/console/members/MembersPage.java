package io.memberhub.console.members;

import io.memberhub.console.i18n.RequestLocale;
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
        static native TemplateInstance list(Merchant merchant, MemberViews.Page members, String q);

        static native TemplateInstance portrait(Merchant merchant, MemberViews.Member member, MemberViews.Level level,
                                                MemberViews.Points points, List<MemberViews.Tag> tags, List<MemberViews.Coupon> coupons);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return locale.on(Templates.list(platform.merchant(), platform.members(query, Math.max(page, 0), PAGE_SIZE), query == null ? "" : query));
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
