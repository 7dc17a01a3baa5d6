package io.memberhub.platform.visit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public record VisitRequest(@NotNull UUID memberId, @NotBlank @Size(max = 100) String externalId,
                           @Size(max = 100) String location, @NotNull @PastOrPresent Instant visitedAt) {
}
