package io.memberhub.console.operator;

import io.memberhub.console.developer.DeveloperViews;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.FormAnswer;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Platform operators review uploaded versions: each with its manifest, the permissions it asks
 * for and the developer who uploaded it; publish it or reject it with a reason the developer reads.
 */
@Path("/console/operator/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<DeveloperViews.Version> versions, String rejecting, FormAnswer rejection,
                                             String published, String rejected);

        static native TemplateInstance notOperator();
    }

    @Inject
    @RestClient
    ReviewApi review;

    @Inject
    RequestLocale locale;

    @GET
    public Response queue(@QueryParam("published") String published, @QueryParam("rejected") String rejected) {
        try {
            return Response.ok(page(null, FormAnswer.empty(), published, rejected)).build();
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 403) {
                return Response.status(Response.Status.FORBIDDEN).entity(locale.on(Templates.notOperator())).build();
            }
            throw refused;
        }
    }

    @POST
    @Path("/{module}/{version}/publication")
    public Response publish(@PathParam("module") String module, @PathParam("version") String version) {
        try {
            review.publish(module, version);
        } catch (PlatformRefusal refused) {
            return refusedOn(module, version, refused, Map.of());
        }
        return Response.seeOther(UriBuilder.fromPath("/console/operator/review").queryParam("published", module + " " + version).build()).build();
    }

    @POST
    @Path("/{module}/{version}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("module") String module, @PathParam("version") String version, @FormParam("reason") String reason) {
        String typed = reason == null ? "" : reason.strip();
        try {
            review.reject(module, version, new ReviewApi.Rejection(typed));
        } catch (PlatformRefusal refused) {
            return refusedOn(module, version, refused, Map.of("reason", typed));
        }
        return Response.seeOther(UriBuilder.fromPath("/console/operator/review").queryParam("rejected", module + " " + version).build()).build();
    }

    /** The queue again with the platform's answer next to the version it concerns (already reviewed, no reason given). */
    private Response refusedOn(String module, String version, PlatformRefusal refused, Map<String, String> typed) {
        if (!FormAnswer.shownOnForm(refused.problem())) {
            throw refused;
        }
        FormAnswer answer = FormAnswer.refused(typed, refused.problem(), UnaryOperator.identity(), Map.of());
        return Response.status(refused.problem().status()).entity(page(module + "/" + version, answer, null, null)).build();
    }

    private TemplateInstance page(String answering, FormAnswer answer, String published, String rejected) {
        return locale.on(Templates.queue(review.awaiting(), answering == null ? "" : answering, answer, published, rejected));
    }
}
