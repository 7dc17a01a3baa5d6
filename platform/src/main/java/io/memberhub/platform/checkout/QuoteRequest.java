package io.memberhub.platform.checkout;

import io.memberhub.platform.order.OrderItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A basket about to be paid: the goods' amount and the delivery fee, in fen. */
public record QuoteRequest(@NotNull UUID memberId,
                           @NotNull @Min(1) @Max(1_000_000_000_000L) Long amount,
                           @Min(0) @Max(1_000_000_000L) Long shippingFee,
                           @Size(max = 500) List<@Valid OrderItem> items) {
}
