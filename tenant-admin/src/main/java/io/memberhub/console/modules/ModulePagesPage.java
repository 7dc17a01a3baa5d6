package io.memberhub.console.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.console.i18n.Bundles;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.FormAnswer;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformProblem;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Pages the merchant's enabled modules contribute, drawn from their descriptions: tables and figures
 * read from the module's staff routes through the platform, forms posted to them with the
 * module's answers next to the fields. No module markup or script ever reaches the browser.
 */
@Path("/console/modules")
@Produces(MediaType.TEXT_HTML)
public class ModulePagesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Merchant merchant, List<ModulePages.Entry> entries);

        static native TemplateInstance page(Merchant merchant, List<ModulePages.Entry> entries, String pluginId, ModulePages.Page page,
                                            List<Shown> widgets, int sent);
    }

    /**
     * A widget as drawn: a table's rows or a stat's figures (cells as text), a form's answer, or the
     * problem that kept its data away.
     */
    public record Shown(int index, ModulePages.Widget widget, List<Map<String, String>> rows, Map<String, String> figures,
                        FormAnswer form, String problem) {

        public String kind() {
            return widget.kind();
        }
    }

    @Inject
    @RestClient
    ModulePagesApi modules;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance index() {
        return locale.on(Templates.index(platform.merchant(), ModulePages.entries(modules.pages())));
    }

    @GET
    @Path("/{pluginId}/{path: .+}")
    public TemplateInstance page(@PathParam("pluginId") String pluginId, @PathParam("path") String path, @QueryParam("sent") Integer sent) {
        List<ModulePages.Contribution> contributions = modules.pages();
        ModulePages.Page page = find(contributions, pluginId, path);
        return render(contributions, pluginId, page, -1, null, sent == null ? -1 : sent);
    }

    @POST
    @Path("/{pluginId}/{path: .+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("pluginId") String pluginId, @PathParam("path") String path, MultivaluedMap<String, String> form) {
        List<ModulePages.Contribution> contributions = modules.pages();
        ModulePages.Page page = find(contributions, pluginId, path);
        int index = parseIndex(form.getFirst("widget"));
        if (index < 0 || index >= page.widgets().size() || !"FORM".equals(page.widgets().get(index).kind())) {
            throw new NotFoundException();
        }
        ModulePages.Widget widget = page.widgets().get(index);
        Map<String, String> typed = new LinkedHashMap<>();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (ModulePages.Field field : widget.fields()) {
            String value = form.getFirst("field." + field.key());
            value = value == null ? "" : value.strip();
            typed.put(field.key(), value);
            if ("BOOLEAN".equals(field.type())) {
                body.put(field.key(), !value.isEmpty());
            } else if (!value.isEmpty()) {
                try {
                    put(body, field, value);
                } catch (NumberFormatException | ArithmeticException e) {
                    unreadable.put(field.key(), Bundles.in(ModuleMessages.class, locale.get()).not_a_number());
                }
            }
        }
        if (!unreadable.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(contributions, pluginId, page, index, new FormAnswer(typed, unreadable, null), -1)).build();
        }
        ModulePages.Route route = ModulePages.Route.of(widget.source());
        try {
            modules.send(pluginId, route.path(), route.query(), body);
        } catch (PlatformRefusal refused) {
            PlatformProblem problem = refused.problem();
            if (!FormAnswer.shownOnForm(problem)) {
                throw refused;
            }
            FormAnswer answer = FormAnswer.refused(typed, problem, UnaryOperator.identity(), Map.of());
            return Response.status(problem.status()).entity(render(contributions, pluginId, page, index, answer, -1)).build();
        }
        return Response.seeOther(URI.create("/console/modules/" + pluginId + page.path() + "?sent=" + index)).build();
    }

    private TemplateInstance render(List<ModulePages.Contribution> contributions, String pluginId, ModulePages.Page page, int answered,
                                    FormAnswer answer, int sent) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < page.widgets().size(); i++) {
            shown.add(draw(pluginId, i, page.widgets().get(i), i == answered ? answer : FormAnswer.empty()));
        }
        return locale.on(Templates.page(platform.merchant(), ModulePages.entries(contributions), pluginId, page, shown, sent));
    }

    private Shown draw(String pluginId, int index, ModulePages.Widget widget, FormAnswer form) {
        if (!"TABLE".equals(widget.kind()) && !"STAT".equals(widget.kind())) {
            return new Shown(index, widget, List.of(), Map.of(), form, null);
        }
        ModulePages.Route route = ModulePages.Route.of(widget.source());
        JsonNode data;
        try {
            data = modules.read(pluginId, route.path(), route.query());
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 401) {
                throw refused;
            }
            return new Shown(index, widget, List.of(), Map.of(), form, refused.problem().detail());
        }
        if ("STAT".equals(widget.kind())) {
            return new Shown(index, widget, List.of(), cells(widget, data), form, null);
        }
        JsonNode items = data != null && data.isObject() && data.path("items").isArray() ? data.get("items") : data;
        List<Map<String, String>> rows = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(item -> rows.add(cells(widget, item)));
        }
        return new Shown(index, widget, rows, Map.of(), form, null);
    }

    /** A row's or stat's values as text by field: money in yuan, the rest as the module wrote it. */
    private static Map<String, String> cells(ModulePages.Widget widget, JsonNode item) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (ModulePages.Field field : widget.fields()) {
            JsonNode value = item == null ? null : item.get(field.key());
            String text;
            if (value == null || value.isNull()) {
                text = "";
            } else if ("MONEY".equals(field.type()) && value.isNumber()) {
                text = value.decimalValue().movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            } else if (value.isValueNode()) {
                text = value.asText();
            } else if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.isValueNode() ? v.asText() : v.toString()));
                text = String.join(", ", parts);
            } else {
                text = value.toString();
            }
            cells.put(field.key(), text);
        }
        return cells;
    }

    /** A typed value as the module reads it: numbers as numbers, money typed in yuan and sent in fen. */
    private static void put(ObjectNode body, ModulePages.Field field, String value) {
        switch (field.type() == null ? "TEXT" : field.type()) {
            case "NUMBER" -> body.put(field.key(), new BigDecimal(value));
            case "MONEY" -> body.put(field.key(), new BigDecimal(value).movePointRight(2).longValueExact());
            default -> body.put(field.key(), value);
        }
    }

    private static ModulePages.Page find(List<ModulePages.Contribution> contributions, String pluginId, String path) {
        return contributions.stream().filter(c -> c.pluginId().equals(pluginId)).flatMap(c -> c.pages().stream())
                .filter(p -> p.path().equals("/" + path)).findFirst().orElseThrow(NotFoundException::new);
    }

    private static int parseIndex(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
