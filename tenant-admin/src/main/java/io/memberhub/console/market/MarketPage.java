package io.memberhub.console.market;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.MarketViews;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformProblem;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The module market: browse published modules with whether each runs for this merchant, read one
 * (what it asks permission for, its settings), enable it with its settings, change them, disable it.
 */
@Path("/console/market")
@Produces(MediaType.TEXT_HTML)
public class MarketPage {

    private static final List<String> CATEGORIES = List.of("INDUSTRY", "INTEGRATION", "MARKETING", "LOYALTY", "OPERATIONS");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance browse(Merchant merchant, List<Listed> modules, List<String> categories, String category, String q);

        static native TemplateInstance module(Merchant merchant, MarketViews.Module module, MarketViews.Plugin plugin, String status,
                                              Map<String, String> values, Map<String, String> errors, String refusal, boolean saved,
                                              Upgrade upgrade, boolean upgrading);
    }

    /** A module in the list with this merchant's status of it ({@code DISABLED} when never enabled). */
    public record Listed(MarketViews.Module module, String status) {
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance browse(@QueryParam("category") String category, @QueryParam("q") String q) {
        String chosen = category != null && CATEGORIES.contains(category) ? category : null;
        String query = q == null || q.isBlank() ? null : q.strip();
        Map<String, MarketViews.Plugin> plugins = plugins();
        List<Listed> modules = platform.modules(chosen, query).stream()
                .map(m -> new Listed(m, plugins.containsKey(m.id()) ? plugins.get(m.id()).status() : "DISABLED")).toList();
        return locale.on(Templates.browse(platform.merchant(), modules, CATEGORIES, chosen == null ? "" : chosen, query == null ? "" : query));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance module(@PathParam("id") String id, @QueryParam("saved") boolean saved) {
        MarketViews.Plugin plugin = plugins().get(id);
        return page(platform.module(id), plugin, plugin == null ? Map.of() : plugin.config(), Map.of(), null, saved, false);
    }

    /**
     * Enables the module, saves its settings, or (with {@code upgrade}) moves to the newest published
     * version. Saving keeps the version the merchant runs: only an upgrade changes it. An upgrade
     * from the offer sends no settings and keeps the stored ones; refused (a setting the new version
     * needs), the settings form comes back as the upgrade's form.
     */
    @POST
    @Path("/{id}/enablement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        MarketViews.Module module = platform.module(id);
        MarketViews.Plugin plugin = plugins().get(id);
        boolean upgrade = form.containsKey("upgrade");
        boolean storedSettings = upgrade && !form.containsKey("settings");
        boolean running = plugin != null && !"DISABLED".equals(plugin.status());
        String version = upgrade ? module.latestVersion() : running ? plugin.enabledVersion() : null;
        Map<String, String> config = new LinkedHashMap<>();
        for (MarketViews.Setting setting : module.config()) {
            String typed = form.getFirst("setting." + setting.key());
            if (storedSettings && plugin != null && plugin.config().containsKey(setting.key())) {
                config.put(setting.key(), plugin.config().get(setting.key()));
            } else if ("BOOLEAN".equals(setting.type())) {
                config.put(setting.key(), String.valueOf(typed != null));
            } else if (typed != null && !typed.isBlank()) {
                config.put(setting.key(), typed.strip());
            } else if (setting.isSecret() && plugin != null && plugin.config().containsKey(setting.key())) {
                // Left empty: keep the stored secret (the platform recognises its own masked value).
                config.put(setting.key(), plugin.config().get(setting.key()));
            }
        }
        try {
            platform.enable(id, new MarketViews.Enablement(config, version));
        } catch (PlatformRefusal refused) {
            PlatformProblem problem = refused.problem();
            if (problem.status() >= 500 || problem.status() == 401) {
                throw refused;
            }
            Map<String, String> errors = problem.errors().stream()
                    .collect(Collectors.toMap(e -> settingKey(e.field()), PlatformProblem.FieldError::message, (a, b) -> a, LinkedHashMap::new));
            Map<String, String> shown = new LinkedHashMap<>(config);
            module.config().stream().filter(MarketViews.Setting::isSecret).forEach(s -> shown.remove(s.key()));
            return Response.status(problem.status()).entity(page(module, plugin, shown, errors, problem.detail(), false, upgrade)).build();
        }
        return Response.seeOther(URI.create("/console/market/" + id + "?saved=true")).build();
    }

    @POST
    @Path("/{id}/disablement")
    public Response disable(@PathParam("id") String id) {
        platform.disable(id);
        return Response.seeOther(URI.create("/console/market/" + id)).build();
    }

    private TemplateInstance page(MarketViews.Module module, MarketViews.Plugin plugin, Map<String, String> values, Map<String, String> errors,
                                  String refusal, boolean saved, boolean upgrading) {
        return locale.on(Templates.module(platform.merchant(), module, plugin, plugin == null ? "DISABLED" : plugin.status(), values, errors,
                refusal, saved, Upgrade.of(module, plugin).orElse(null), upgrading));
    }

    private Map<String, MarketViews.Plugin> plugins() {
        return platform.plugins().stream().collect(Collectors.toMap(MarketViews.Plugin::id, Function.identity()));
    }

    /** The platform names a refused setting {@code config.<key>} (or just the key). */
    private static String settingKey(String field) {
        return field == null ? "" : field.startsWith("config.") ? field.substring("config.".length()) : field;
    }
}
