package io.memberhub.plugin.api.console.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;

/**
 * One block of a page.
 *
 * @param kind   how the console draws it
 * @param source the plugin's staff route the data comes from (GET) or a form is sent to (POST), e.g. {@code /courses}
 * @param fields the columns of a table, the inputs of a form, the figures of a stat block
 */
@InterfaceStability.Evolving
public record ConsoleWidget(Kind kind, String title, String source, List<ConsoleField> fields) {

    /** The widgets the console knows. */
    public enum Kind {
        TABLE, FORM, STAT, TEXT
    }

    public ConsoleWidget {
        fields = List.copyOf(fields);
    }
}
