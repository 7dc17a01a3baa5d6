package io.memberhub.console.settings;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformProblem;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.StaffAccount;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The page a person sees when their role may not open an administration screen: which role they
 * have and who can do it, as a 403, instead of the generic error page. The role is the platform's.
 */
@RequestScoped
public class AdminOnly {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(io.memberhub.console.platform.Merchant merchant, StaffAccount me, String detail);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    /** The answer for a person whose role the platform refused, or the refusal itself when it is not about the role. */
    public Response refused(PlatformRefusal refusal) {
        if (refusal.problem().status() != 403) {
            throw refusal;
        }
        return refused(platform.me(), refusal.problem().detail());
    }

    public Response refused(StaffAccount me, String detail) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(locale.on(Templates.refused(platform.merchant(), me, detail))).build();
    }

    /**
     * The platform's problem with a write, to show on the page that asked for it (a 4xx other than an
     * expired session); any other refusal is thrown on, to the error pages. A page that its role may not
     * open at all answers with {@link #refused(PlatformRefusal)} when it is shown again.
     */
    public static PlatformProblem shownOnPage(PlatformRefusal refusal) {
        int status = refusal.problem().status();
        if (status < 400 || status >= 500 || status == 401) {
            throw refusal;
        }
        return refusal.problem();
    }

    /** The same problem as one line above a page's content. */
    public static AdminForm.Problem alertOf(PlatformRefusal refusal) {
        PlatformProblem problem = shownOnPage(refusal);
        return new AdminForm.Problem(problem.code(), problem.detail() == null ? problem.title() : problem.detail());
    }

    /** A page that shows a secret (a password, a signing secret): no cache may keep it, so it is seen this once. */
    public static Response showingSecret(Response page) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return Response.fromResponse(page).cacheControl(cache).build();
    }
}
