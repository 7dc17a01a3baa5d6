package io.memberhub.platform.tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tag to define or change: with a rule it is kept by the platform, without one it is put on by hand. */
public record TagRequest(@NotBlank @Size(max = 40) String name, @Size(max = 400) String description, @Valid TagRule rule) {
}
