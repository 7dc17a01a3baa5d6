package io.memberhub.console.marketing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Tags: each with how many members carry it, a form to define one (put on by hand, or kept by a rule
 * typed as the platform's JSON), renaming and deleting. A rule is edited as JSON, never reshaped.
 */
@Path("/console/tags")
@Produces(MediaType.TEXT_HTML)
public class TagsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tags(Seat seat, List<MarketingViews.Tag> tags, Typed form, UUID editing);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    MarketingApi marketing;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return page(Typed.of(Map.of()), null);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        MarketingViews.Tag tag = marketing.tag(id);
        return page(Typed.of(Map.of("name", tag.name(), "description", tag.description() == null ? "" : tag.description(),
                "rule", tag.ruleText())), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        return save(null, Typed.of(submitted));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        return save(id, Typed.of(submitted));
    }

    @POST
    @Path("/{id}/deletion")
    public Response delete(@PathParam("id") UUID id) {
        return Submission.send(Typed.of(Map.of()), f -> page(f, null), () -> {
            marketing.deleteTag(id);
            return URI.create("/console/tags");
        });
    }

    private Response save(UUID id, Typed form) {
        ObjectNode tag = JsonNodeFactory.instance.objectNode();
        tag.put("name", form.get("name"));
        tag.put("description", form.text("description"));
        JsonNode rule = form.json("rule");
        if (rule != null) {
            tag.set("rule", rule);
        }
        return Submission.send(form, f -> page(f, id), () -> {
            if (id == null) {
                marketing.createTag(tag);
            } else {
                marketing.updateTag(id, tag);
            }
            return URI.create("/console/tags");
        });
    }

    private TemplateInstance page(Typed form, UUID editing) {
        return locale.on(Templates.tags(Seat.of(platform), marketing.tags(), form, editing));
    }
}
