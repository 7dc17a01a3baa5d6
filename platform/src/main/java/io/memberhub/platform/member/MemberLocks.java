package io.memberhub.platform.member;

import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;

/**
 * The per-member lock that puts a member's facts one after the other: every write that changes a
 * member's balances or level takes it first. Taken once per transaction, and it doubles as the
 * check that the member exists and is not deleted, without loading the profile.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@TenantTransaction
public class MemberLocks {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transaction;

    private static final String LIVE = MemberLocks.class.getName() + ".live.";

    /**
     * Whether this transaction found the member live already (read or locked): a gate check asks three
     * times (its level, the access policies, the visit) in one transaction. A deletion committed in
     * between is not seen; it is as if it had committed a moment later.
     */
    boolean foundLive(TenantBound tenant, UUID memberId) {
        return transaction.getTransactionKey() != null
                && (transaction.getResource(LIVE + memberId) != null || transaction.getResource(lockKey(memberId)) != null);
    }

    void noteLive(TenantBound tenant, UUID memberId, boolean live) {
        if (transaction.getTransactionKey() != null) {
            transaction.putResource(LIVE + memberId, live ? Boolean.TRUE : null);
        }
    }

    private static String lockKey(UUID memberId) {
        return MemberLocks.class.getName() + "." + memberId;
    }

    /** Locks a live member for the rest of the transaction, or answers 404. */
    public void lockLive(TenantBound tenant, UUID memberId) {
        String key = lockKey(memberId);
        if (transaction.getResource(key) != null) {
            return;
        }
        boolean live = !em.createNativeQuery("select 1 from member where tenant_id = ?1 and id = ?2 and deleted_at is null for no key update")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList().isEmpty();
        if (!live) {
            throw MemberService.notFound(memberId);
        }
        transaction.putResource(key, Boolean.TRUE);
    }
}
