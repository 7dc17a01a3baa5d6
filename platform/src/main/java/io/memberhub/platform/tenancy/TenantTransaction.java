package io.memberhub.platform.tenancy;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method in a transaction that belongs to one tenant: the first parameter must be a
 * {@link TenantBound}. Hibernate's tenant discriminator and PostgreSQL's row-level security setting
 * are both set from it before the first statement. Use with {@code @Transactional}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantTransaction {
}
