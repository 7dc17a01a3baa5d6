package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.console.spi.ConsoleContribution;
import io.memberhub.plugin.api.console.spi.ConsolePage;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The console pages the plugins a merchant enabled contribute, as data for the console to render. */
@ApplicationScoped
public class PluginConsolePages {

    private static final int MAX_PAGES = 20;

    /** One plugin's pages; a plugin that fails or answers late contributes none this time. */
    public record PluginPages(String pluginId, List<ConsolePage> pages) {
    }

    @Inject
    ExtensionCalls extensions;

    public List<PluginPages> of(TenantBound tenant) {
        List<PluginPages> pages = new ArrayList<>();
        extensions.askAll(tenant, ConsoleContribution.class, (ConsoleContribution c, PluginContext context) ->
                        checked(c.pages(context)))
                .forEach(answer -> answer.value().filter(p -> !p.isEmpty()).ifPresent(p -> pages.add(new PluginPages(answer.pluginId(), p))));
        return pages;
    }

    private static List<ConsolePage> checked(List<ConsolePage> pages) throws PluginGuard.Misbehaved {
        if (pages == null || pages.size() > MAX_PAGES) {
            throw new PluginGuard.Misbehaved("contributed " + (pages == null ? "null" : pages.size() + " pages") + "; 0 to " + MAX_PAGES);
        }
        for (ConsolePage page : pages) {
            if (page == null || page.path() == null || !page.path().matches("/[A-Za-z0-9/_-]{0,99}") || page.title() == null
                    || page.title().isBlank()) {
                throw new PluginGuard.Misbehaved("contributed a page without a path like /courses or without a title");
            }
        }
        return List.copyOf(pages);
    }
}
