package io.memberhub.plugin.api.console.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;

/**
 * A page in the console's menu.
 *
 * @param path    the page's path under the plugin's console section, e.g. {@code /courses}
 * @param title   the menu entry and heading
 * @param widgets what the page shows, top to bottom
 */
@InterfaceStability.Evolving
public record ConsolePage(String path, String title, List<ConsoleWidget> widgets) {

    public ConsolePage {
        widgets = List.copyOf(widgets);
    }
}
