package io.memberhub.console.levels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The level ladder: the levels with their rules, benefits and members, and an editor that can show,
 * before saving, how many members each level would hold with the change (the platform's preview).
 */
@Path("/console/levels")
@Produces(MediaType.TEXT_HTML)
public class LevelsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, List<Line> levels, String refusal);

        static native TemplateInstance editor(Merchant merchant, LevelForm form, List<MetricChoice> metrics, List<PreviewRow> preview);
    }

    /** A level on the ladder page, with its rule read into the editor's rows to describe it. */
    public record Line(LevelViews.Level level, LevelForm rule) {
    }

    /** A metric the rule rows offer: its form value and how it is shown. */
    public record MetricChoice(String value, String label, boolean money) {
    }

    /** One level of the ladder as the preview sees it: members now and with the change. */
    public record PreviewRow(String name, int rank, long members, long wouldHold, boolean proposed) {

        public long difference() {
            return wouldHold - members;
        }
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return locale.on(Templates.list(platform.merchant(), lines(), null));
    }

    @GET
    @Path("/new")
    public TemplateInstance newLevel() {
        int nextRank = platform.levels().stream().mapToInt(LevelViews.Level::rank).max().orElse(-1) + 1;
        return editor(LevelForm.empty(nextRank), null);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        return editor(LevelForm.of(find(id)), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        return submit(LevelForm.from(null, form), null, "preview".equals(form.getFirst("intent")));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        return submit(LevelForm.from(id, form), find(id), "preview".equals(form.getFirst("intent")));
    }

    @POST
    @Path("/{id}/deletion")
    public Response delete(@PathParam("id") UUID id) {
        try {
            platform.deleteLevel(id);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() >= 500) {
                throw refused;
            }
            return Response.status(refused.problem().status())
                    .entity(locale.on(Templates.list(platform.merchant(), lines(), refused.problem().detail()))).build();
        }
        return Response.seeOther(URI.create("/console/levels")).build();
    }

    private Response submit(LevelForm form, LevelViews.Level current, boolean preview) {
        LevelForm.Result typed = form.toRequest(current);
        if (typed.request() == null) {
            return Response.status(400).entity(editor(typed.form(), null)).build();
        }
        try {
            if (preview) {
                ObjectNode proposal = typed.request().deepCopy();
                if (form.id() != null) {
                    proposal.put("replaces", form.id().toString());
                }
                return Response.ok(editor(form, previewRows(platform.previewLevel(proposal)))).build();
            }
            if (form.id() == null) {
                platform.createLevel(typed.request());
            } else {
                platform.updateLevel(form.id(), typed.request());
            }
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() >= 500 || refused.problem().status() == 401) {
                throw refused;
            }
            return Response.status(refused.problem().status()).entity(editor(form.refusedBy(refused.problem()), null)).build();
        }
        return Response.seeOther(URI.create("/console/levels")).build();
    }

    private TemplateInstance editor(LevelForm form, List<PreviewRow> preview) {
        return locale.on(Templates.editor(platform.merchant(), form, metricChoices(), preview));
    }

    private List<MetricChoice> metricChoices() {
        LevelViews.Metrics metrics = platform.levelMetrics();
        List<MetricChoice> choices = new ArrayList<>();
        for (String builtIn : metrics.builtIn()) {
            choices.add(new MetricChoice(builtIn, builtIn, "SPEND".equals(builtIn) || "TOP_UP_AMOUNT".equals(builtIn)));
        }
        for (LevelViews.PluginMetric m : metrics.plugins()) {
            choices.add(new MetricChoice("plugin:" + m.pluginId() + ":" + m.metric(), m.pluginId() + " · " + m.metric(), false));
        }
        return choices;
    }

    private static List<PreviewRow> previewRows(JsonNode answer) {
        JsonNode levels = answer.isArray() ? answer : answer.path("levels");
        List<PreviewRow> rows = new ArrayList<>();
        for (JsonNode l : levels) {
            rows.add(new PreviewRow(l.path("name").asText(), l.path("rank").asInt(), l.path("members").asLong(), l.path("wouldHold").asLong(),
                    l.path("levelId").isNull() || l.path("proposed").asBoolean(false)));
        }
        return rows;
    }

    private List<Line> lines() {
        return platform.levels().stream().map(l -> new Line(l, LevelForm.of(l))).toList();
    }

    private LevelViews.Level find(UUID id) {
        return platform.levels().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException());
    }
}
