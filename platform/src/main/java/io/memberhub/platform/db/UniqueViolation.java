package io.memberhub.platform.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Locale;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises which unique constraint a failed write hit, so it can become a clear 409. */
public final class UniqueViolation {

    /**
     * Persists and flushes {@code entity}; if that breaks the unique constraint {@code constraint},
     * throws what {@code duplicate} says instead, so a race that got past a look-up still ends in a
     * clear answer.
     */
    public static void persistOnce(EntityManager em, Object entity, String constraint, Supplier<? extends RuntimeException> duplicate) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (of(e, constraint)) {
                throw duplicate.get();
            }
            throw e;
        }
    }

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
