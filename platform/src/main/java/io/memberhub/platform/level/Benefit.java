package io.memberhub.platform.level;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * A privilege of a level. What {@code value} means depends on the type; money is in fen and rates
 * in whole percents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benefit(@NotNull Type type, Long value) {

    public enum Type {
        /** Members pay this percent of the price: 95 is 5 % off (9.5折). */
        DISCOUNT_PERCENT(1, 100),
        /** No delivery fee when the order reaches this amount (fen); 0 = always free. */
        FREE_SHIPPING_OVER(0, 1_000_000_000L),
        /** A birthday coupon worth this amount (fen). */
        BIRTHDAY_COUPON(1, 1_000_000_000L),
        /** Points earned at this level stay valid this percent of the normal validity (200 = twice as long). */
        POINTS_VALIDITY_PERCENT(100, 1000),
        FREE_RETURNS(null, null),
        PRIORITY_SERVICE(null, null);

        final Long min;
        final Long max;

        Type(Number min, Number max) {
            this.min = min == null ? null : min.longValue();
            this.max = max == null ? null : max.longValue();
        }
    }

    @JsonIgnore
    @AssertTrue(message = "has a value outside what this benefit type allows")
    public boolean isValueFitting() {
        if (type == null) {
            return true;
        }
        if (type.min == null) {
            return value == null;
        }
        return value != null && value >= type.min && value <= type.max;
    }
}
