package io.memberhub.console.levels;

import java.math.BigDecimal;

/**
 * Money as merchants type it (yuan, "1000" or "9.90") and as the platform keeps it (fen). Decimal
 * arithmetic only: an amount is never a floating-point number on its way through the console.
 */
public final class Yuan {

    private Yuan() {
    }

    /** The amount in fen, or null when the text is not an amount with at most two decimals. */
    public static Long toFen(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(typed.strip()).movePointRight(2).longValueExact();
    }

    public static String fromFen(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }
}
