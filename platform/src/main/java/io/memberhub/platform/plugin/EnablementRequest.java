package io.memberhub.platform.plugin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A merchant enabling a plugin: its configuration, checked against the keys the plugin declares. */
public record EnablementRequest(@Size(max = 50) Map<@NotNull @Size(min = 1, max = 100) String, @NotNull @Size(max = 4000) String> config) {

    public EnablementRequest {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
