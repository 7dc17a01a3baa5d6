package io.memberhub.console.i18n;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Switches the console's language and goes back to the page the person was on. */
@Path("/language")
public class LanguageResource {

    @GET
    @Path("/{tag}")
    public Response choose(@PathParam("tag") String tag, @QueryParam("back") String back) {
        NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE)
                .value(RequestLocale.supported(tag).getLanguage())
                .path("/")
                .maxAge(365 * 24 * 3600)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    /** Only paths on this site: a crafted link must not send people elsewhere. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }
}
