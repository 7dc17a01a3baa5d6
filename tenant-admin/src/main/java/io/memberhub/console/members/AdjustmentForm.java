package io.memberhub.console.members;

import io.memberhub.console.platform.PlatformProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A manual points or balance adjustment as typed: add or deduct, how much (whole points, or yuan
 * sent in fen), the reason, and the Idempotency-Key made when the form was drawn, so submitting it
 * twice changes the ledger once. Kept as typed when refused.
 */
public record AdjustmentForm(String direction, String amount, String reason, String key, Map<String, String> errors, String refusal) {

    static AdjustmentForm fresh() {
        return new AdjustmentForm("add", "", "", UUID.randomUUID().toString(), Map.of(), null);
    }

    static AdjustmentForm from(MultivaluedMap<String, String> form) {
        String key = form.getFirst("key");
        return new AdjustmentForm("deduct".equals(form.getFirst("direction")) ? "deduct" : "add", text(form, "amount"), text(form, "reason"),
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key.strip(), Map.of(), null);
    }

    /** The signed whole number of points, or null with the form's error when the amount is not one. */
    Long points() {
        if (!amount.strip().matches("\\d{1,9}")) {
            return null;
        }
        return signed(Long.parseLong(amount.strip()));
    }

    /** The signed amount in fen of yuan typed with at most two decimals (decimal arithmetic), or null. */
    Long fen() {
        if (!amount.strip().matches("\\d{1,10}(\\.\\d{1,2})?")) {
            return null;
        }
        return signed(new BigDecimal(amount.strip()).movePointRight(2).longValueExact());
    }

    private long signed(long value) {
        return "deduct".equals(direction) ? -value : value;
    }

    AdjustmentForm invalid(String field, String check) {
        return new AdjustmentForm(direction, amount, reason, key, Map.of(field, check), null);
    }

    /** The platform's refusal next to the fields: its {@code points}/{@code amount} error by the amount, the rest by their names. */
    AdjustmentForm refusedBy(PlatformProblem problem) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (PlatformProblem.FieldError e : problem.errors()) {
            byField.putIfAbsent("points".equals(e.field()) ? "amount" : e.field(), e.message());
        }
        String refusal = problem.status() == 403 ? "forbidden" : problem.detail() == null ? problem.title() : problem.detail();
        return new AdjustmentForm(direction, amount, reason, key, Map.copyOf(byField), refusal);
    }

    public String errorFor(String field) {
        return errors.get(field);
    }

    public boolean deducts() {
        return "deduct".equals(direction);
    }

    static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
