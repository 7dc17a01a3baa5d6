package io.memberhub.platform.segment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SegmentRequest(@NotBlank @Size(max = 60) String name, @Size(max = 400) String description, @NotNull SegmentFilter filter) {
}
