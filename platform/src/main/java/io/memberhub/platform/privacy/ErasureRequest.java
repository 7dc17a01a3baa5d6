package io.memberhub.platform.privacy;

/**
 * An erasure, confirmed: {@code confirm} must be {@code "ERASE"} (erasure cannot be undone), and the
 * reason (the person's request, say) is kept with the record of the erasure.
 */
public record ErasureRequest(String confirm, String reason) {

    static final String CONFIRMATION = "ERASE";
    static final int MAX_REASON = 500;
}
