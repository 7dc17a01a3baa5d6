package io.memberhub.platform.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Money given back on an order, in fen; the points it earned are reversed in proportion. */
public record RefundRequest(@NotNull @Min(1) @Max(1_000_000_000_000L) Long amount, @Size(max = 200) String reason) {
}
