package io.memberhub.platform.audit;

import io.memberhub.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the log ended: the last entry's time (to the microsecond, as stored) and id. The
 * next page holds the entries strictly older in (time, id) order, so entries written meanwhile
 * neither repeat nor shift a page. Opaque to callers.
 */
record AuditCursor(Instant occurredAt, UUID id) {

    static AuditCursor after(Instant occurredAt, UUID id) {
        return new AuditCursor(occurredAt, id);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static AuditCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":", 2);
            return new AuditCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this log handed out; pass the previous page's next");
        }
    }
}
