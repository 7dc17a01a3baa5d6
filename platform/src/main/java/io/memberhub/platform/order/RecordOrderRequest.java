package io.memberhub.platform.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A paid order pushed by a merchant system. {@code amount} is what the member paid, in fen
 * (1 yuan = 100); {@code externalId} is the merchant system's own order number.
 */
public record RecordOrderRequest(
        @NotNull UUID memberId,
        @NotBlank @Size(max = 100) String externalId,
        @NotNull @Min(1) @Max(1_000_000_000_000L) Long amount,
        @NotBlank @Pattern(regexp = "[a-z0-9_.-]{1,40}", message = "must be 1-40 lowercase letters, digits, '.', '_' or '-'") String channel,
        @NotNull @PastOrPresent Instant paidAt,
        @Size(max = 500) List<@Valid OrderItem> items) {
}
