package io.memberhub.console.i18n;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;

/** How pages show what the platform counts: fen as yuan with at most two decimals. */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    /** {@code 123450} fen is {@code 1234.5}. */
    public static String yuan(Number fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen.longValue(), 2).stripTrailingZeros().toPlainString();
    }
}
