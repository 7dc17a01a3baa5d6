package io.memberhub.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says why a write endpoint (or every one of a resource) leaves no audit entry: it changes nothing,
 * or nobody acting for a merchant or the platform calls it. A test refuses write endpoints that are
 * neither {@link Audited} nor this, so a new one cannot slip by unrecorded.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NotAudited {

    /** The reason, for the next person who reads the endpoint. */
    String value();
}
