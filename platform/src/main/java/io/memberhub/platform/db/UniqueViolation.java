package io.memberhub.platform.db;

import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises which unique constraint a failed write hit, so it can become a clear 409. */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean of(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                    && cve.getConstraintName() != null
                    && cve.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
