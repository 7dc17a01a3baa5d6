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
 * {@code SET LOCAL} is transaction-local: when the transaction ends the connection goes back to the
 * pool with no tenant, and the next borrower sees nothing until it sets its own. {@code SET LOCAL}
 * rather than {@code set_config}: on Citus it is the form the coordinator passes on to the workers
 * that hold the shards ({@code citus.propagate_set_commands = local}, ADR 0007), where row-level
 * security is checked.
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
            em.createNativeQuery(setLocal(tenant)).executeUpdate();
            transaction.putResource(BOUND_TENANT, tenant);
        } else if (!boundTo.equals(tenant)) {
            throw new IllegalStateException("A transaction bound to tenant " + boundTo + " may not work for " + tenant);
        }
        return ctx.proceed();
    }

    /** The statement that binds a transaction to the tenant; SET takes no parameters, and a UUID's text is safe as a literal. */
    public static String setLocal(UUID tenant) {
        return "set local app.tenant_id = '" + tenant + "'";
    }
}
