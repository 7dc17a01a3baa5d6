package io.memberhub.plugin.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How much a plugin developer can rely on a type of this API staying as it is. Additions to any
 * interface arrive as {@code default} methods, so plugins built against an older version keep
 * compiling and loading.
 */
public final class InterfaceStability {

    private InterfaceStability() {
    }

    /** Breaks only in a new major version of plugin-api, after a deprecation period. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Stable {
    }

    /** May change in a minor version; changes are listed in the upgrade notes. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Evolving {
    }

    /** Experimental: may change or go away in any version. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Unstable {
    }
}
