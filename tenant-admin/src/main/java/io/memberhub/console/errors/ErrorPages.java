package io.memberhub.console.errors;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when the platform refuses or cannot be reached: a page in their language
 * with a reference to quote, never a stack trace. A token the platform no longer accepts means
 * the session is over, so they are signed out and can sign in again.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String reference);
    }

    @Inject
    RequestLocale locale;

    @ServerExceptionMapper
    public Response refused(PlatformRefusal refusal) {
        if (refusal.problem().status() == 401) {
            return Response.seeOther(URI.create("/sign-out")).build();
        }
        LOG.warnf("The platform refused a console call: %s", refusal.getMessage());
        int status = refusal.problem().status() >= 500 ? 502 : refusal.problem().status();
        return page(status, refusal.problem().code());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.errorf(e, "The platform could not be reached");
        return page(503, "PLATFORM_UNREACHABLE");
    }

    /** A page that does not exist, or an id that is not one, is a 404 in the person's language. */
    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return page(404, "NOT_FOUND");
    }

    /** A fault of the console itself: logged with a reference the person can quote. */
    @ServerExceptionMapper({IllegalStateException.class, NullPointerException.class, IllegalArgumentException.class})
    public Response unexpected(RuntimeException e) {
        String reference = "CONSOLE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Console fault %s", reference);
        return page(500, reference);
    }

    private Response page(int status, String reference) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(Templates.error(reference))).build();
    }
}
