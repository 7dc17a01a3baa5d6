package io.memberhub.platform.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A line of an order; the category feeds category rules and tags later. Amount in fen. */
public record OrderItem(@Size(max = 80) String sku,
                        @NotBlank @Size(max = 200) String name,
                        @Size(max = 80) String category,
                        @Min(1) @Max(100_000) int quantity,
                        @Min(0) @Max(1_000_000_000_000L) long amount) {
}
