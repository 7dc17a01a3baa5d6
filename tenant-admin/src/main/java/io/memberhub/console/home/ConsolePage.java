package io.memberhub.console.home;

import io.memberhub.console.dashboard.Dashboard;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.StaffAccount;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The signed-in console's home. Reaching it signs a visitor in (OIDC code flow, see
 * application.properties); it then shows the merchant, the person's role and the dashboard.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePage {

    /** The dashboard's window: the last 30 days, as the merchants of the seeds read their month. */
    private static final int DASHBOARD_DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Merchant merchant, StaffAccount me, boolean severalMerchants, Dashboard dashboard);

        static native TemplateInstance chooseMerchant(List<String> merchants);

        static native TemplateInstance notStaff(String email);
    }

    @Inject
    JsonWebToken accessToken;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @Inject
    HttpHeaders headers;

    @GET
    public Response overview() {
        List<String> merchants = Workplaces.of(accessToken);
        if (merchants.isEmpty()) {
            String area = RealmRoles.areaOf(accessToken);
            return area == null ? notStaff() : Response.seeOther(URI.create(area)).build();
        }
        if (merchants.size() > 1 && !merchants.contains(chosenMerchant())) {
            return Response.ok(locale.on(Templates.chooseMerchant(merchants))).build();
        }
        try {
            Merchant merchant = platform.merchant();
            StaffAccount me = platform.me();
            Dashboard dashboard = Dashboard.of(platform.dashboard(DASHBOARD_DAYS));
            return Response.ok(locale.on(Templates.overview(merchant, me, merchants.size() > 1, dashboard))).build();
        } catch (PlatformRefusal refused) {
            if (refused.is("NOT_STAFF")) {
                return notStaff();
            }
            throw refused;
        }
    }

    @POST
    @Path("/merchant")
    public Response choose(@FormParam("slug") String slug) {
        if (slug == null || !Workplaces.of(accessToken).contains(slug)) {
            return Response.seeOther(URI.create("/console")).cookie(merchantCookie("", 0)).build();
        }
        return Response.seeOther(URI.create("/console")).cookie(merchantCookie(slug, NewCookie.DEFAULT_MAX_AGE)).build();
    }

    private Response notStaff() {
        String email = idToken.getClaim("email");
        return Response.status(Response.Status.FORBIDDEN).entity(locale.on(Templates.notStaff(email == null ? idToken.getName() : email))).build();
    }

    private String chosenMerchant() {
        Cookie cookie = headers.getCookies().get(ChosenMerchantHeader.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static NewCookie merchantCookie(String slug, int maxAge) {
        return new NewCookie.Builder(ChosenMerchantHeader.COOKIE).value(slug).path("/").maxAge(maxAge)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
