package io.memberhub.platform.audit;

import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A search of an audit log, checked: every filter optional, all given ones must hold.
 *
 * @param actor      the actor's user id or email (exact, email in any case)
 * @param action     an action code or its beginning ({@code member.})
 * @param text       part of the actor's email or name, or of the target's type or id
 * @param from       entries at or after this moment
 * @param to         entries before this moment
 * @param after      the previous page's end; null for the newest
 */
record AuditQuery(String actor, String action, String targetType, String targetId, Instant from, Instant to, String text,
                  AuditCursor after, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final Pattern ACTION_PREFIX = Pattern.compile("[a-z0-9_.]{1,80}");

    static AuditQuery of(String actor, String action, String targetType, String targetId, String from, String to, String text,
                         String cursor, Integer size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (action != null && !action.isEmpty() && !ACTION_PREFIX.matcher(action).matches()) {
            errors.add(new Problem.FieldError("action", "must be an action code or its beginning, such as member. or staff.invited"));
        }
        tooLong(errors, "actor", actor, 254);
        tooLong(errors, "targetType", targetType, 40);
        tooLong(errors, "targetId", targetId, 200);
        tooLong(errors, "q", text, 100);
        Instant since = moment(errors, "from", from);
        Instant until = moment(errors, "to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(targetType), blankToNull(targetId), since, until,
                blankToNull(text), cursor == null || cursor.isBlank() ? null : AuditCursor.decode(cursor.strip()), pageSize);
    }

    private static void tooLong(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static Instant moment(List<Problem.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a moment with its offset, such as 2026-05-01T00:00:00+08:00"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
