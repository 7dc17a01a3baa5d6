package io.memberhub.platform.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write endpoint whose every successful call by a person (a merchant's staff, a platform
 * operator, a plugin developer) leaves one entry in the audit log, written in the same transaction
 * as the write: the endpoint runs inside a transaction the interceptor opens, its services join it,
 * and the entry is added just before it commits. A call that fails (an exception, an answer of 400
 * or more) or replays an earlier idempotent answer leaves none. Devices and members are not audited:
 * their calls proceed as if the annotation were not there.
 *
 * <p>Where values come from is named by expressions, checked for every endpoint by a test:
 * <ul>
 *   <li>{@code id}: the path or query parameter of that name;</li>
 *   <li>{@code body.memberId}: an accessor of the request body (chains like {@code body.a.b} allowed);</li>
 *   <li>{@code answer.id}: an accessor of what the method returns (of a {@code Response}'s entity);</li>
 *   <li>{@code body.*} (details only): the names of the body's components that were given, as {@code changed}.</li>
 * </ul>
 * A detail is stored under the expression's last name. Name ids, amounts and field names only: never
 * a secret and never a member's personal data. Endpoints that learn more as they run (which action a
 * save turned out to be) add it through {@link AuditNote}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** The action's stable code, {@code area.verb_phrase}: {@code staff.invited}, {@code settings.points_saved}. */
    @Nonbinding
    String value();

    /** The kind of thing acted on ({@code member}, {@code plugin}); empty for settings of the whole merchant. */
    @Nonbinding
    String target() default "";

    /** Where the target's id comes from (see the class comment); empty for none. */
    @Nonbinding
    String targetId() default "";

    /** Small facts worth keeping beside the action (see the class comment). */
    @Nonbinding
    String[] details() default {};

    /** Whose log the entry goes to, which also says as whom the caller acts. */
    @Nonbinding
    Log log() default Log.MERCHANT;

    enum Log {
        /** The caller's merchant's log, as that merchant's staff. */
        MERCHANT,
        /** The platform's log, as a platform operator (realm role {@code platform-admin}). */
        OPERATOR,
        /** The platform's log, as a plugin developer (realm role {@code developer}). */
        DEVELOPER
    }
}
