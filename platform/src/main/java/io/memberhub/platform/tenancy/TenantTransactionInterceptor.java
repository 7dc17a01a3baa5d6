package io.memberhub.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * Binds the current transaction to the tenant named by the method's first argument.
 *
 * <p>Runs inside {@code @Transactional} (its priority is after the transaction interceptor's), so
 * {@code set_config(..., true)} is transaction-local: when the transaction ends the connection goes
 * back to the pool with no tenant, and the next borrower sees nothing until it sets its own.
 */
@TenantTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantTransactionInterceptor {

    /** Nested tenant calls in one transaction set the database setting once. */
    private static final String BOUND_TENANT = TenantTransactionInterceptor.class.getName() + ".tenant";

    @Inject
    TenantScope scope;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    Object bind(InvocationContext ctx) throws Exception {
        Object[] args = ctx.getParameters();
        if (args.length == 0 || !(args[0] instanceof TenantBound bound) || bound.tenantId() == null) {
            throw new IllegalStateException(ctx.getMethod() + " is a tenant transaction but its first argument names no tenant");
        }
        UUID tenant = bound.tenantId();
        scope.enter(tenant);
        Object boundTo = transaction.getResource(BOUND_TENANT);
        if (boundTo == null) {
            em.createNativeQuery("select set_config('app.tenant_id', ?1, true)")
                    .setParameter(1, tenant.toString())
                    .getSingleResult();
            transaction.putResource(BOUND_TENANT, tenant);
        } else if (!boundTo.equals(tenant)) {
            throw new IllegalStateException("A transaction bound to tenant " + boundTo + " may not work for " + tenant);
        }
        return ctx.proceed();
    }
}
