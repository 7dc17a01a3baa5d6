package io.memberhub.platform.level;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Staff set a member's level, with the reason on record, optionally pinned until a future date. */
public record ManualLevelRequest(@NotNull UUID levelId, @Future Instant pinnedUntil, @NotBlank @Size(max = 200) String reason) {
}
