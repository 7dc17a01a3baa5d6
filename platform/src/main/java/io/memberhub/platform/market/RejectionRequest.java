package io.memberhub.platform.market;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a version is not published; the developer reads it. */
public record RejectionRequest(@NotBlank @Size(max = 2000) String reason) {
}
