package io.memberhub.platform.privacy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An erasure, confirmed: {@code confirm} must be {@code "ERASE"} (erasure cannot be undone), and the
 * reason (the person's request, say) is kept with the record of the erasure. Both are checked by the
 * service (400 VALIDATION_FAILED naming them); the schema says so to clients.
 */
public record ErasureRequest(@Schema(required = true, enumeration = "ERASE") String confirm,
                             @Schema(required = true, maxLength = ErasureRequest.MAX_REASON, pattern = "\\S") String reason) {

    static final String CONFIRMATION = "ERASE";
    static final int MAX_REASON = 500;
}
