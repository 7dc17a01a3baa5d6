package io.memberhub.platform.plugin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;

/** Hand the merchant's events recorded since {@code from} to one plugin's listeners again. */
public record EventReplayRequest(@NotNull @PastOrPresent Instant from) {
}
