package io.memberhub.platform.plugin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A merchant enabling a plugin: its configuration, checked against the keys the chosen version
 * declares, and optionally the version (default: the newest installed). Enabling another version
 * than the one enabled upgrades or rolls back.
 */
public record EnablementRequest(@Size(max = 50) Map<@NotNull @Size(min = 1, max = 100) String, @NotNull @Size(max = 4000) String> config,
                                @Pattern(regexp = "[0-9A-Za-z.+-]{1,50}", message = "must be a version such as 1.2.0") String version) {

    public EnablementRequest {
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
