package io.memberhub.plugin.api.console.spi;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * A column, input or figure of a widget.
 *
 * @param key   the JSON property it reads or writes
 * @param type  {@code TEXT}, {@code NUMBER}, {@code MONEY} (minor units), {@code DATE}, {@code BOOLEAN} or {@code MEMBER} (a member id)
 */
@InterfaceStability.Evolving
public record ConsoleField(String key, String label, String type, boolean required) {
}
