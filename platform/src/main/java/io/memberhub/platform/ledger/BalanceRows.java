package io.memberhub.platform.ledger;

import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The balance row kept beside an append-only ledger (points, wallet, growth), moved in the ledger write's
 * own transaction. The row's lock serialises concurrent changes for one member; its check
 * constraint keeps it from going negative.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BalanceRows {

    /** The balance tables; names are fixed here, never taken from input. */
    public enum Kind {
        POINTS("points_balance"), WALLET("wallet_balance"), GROWTH("growth_balance");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    @Inject
    EntityManager em;

    /** Adds {@code amount} and returns the new balance. */
    public long add(TenantBound tenant, Kind kind, UUID memberId, long amount) {
        return ((Number) em.createNativeQuery("insert into " + kind.table + " (tenant_id, member_id, balance, updated_at) "
                        + "values (?1, ?2, ?3, now()) on conflict (tenant_id, member_id) "
                        + "do update set balance = " + kind.table + ".balance + excluded.balance, updated_at = now() returning balance")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .setParameter(3, amount)
                .getSingleResult()).longValue();
    }

    /** Locks the member's balance row for the rest of the transaction and returns the balance (0 if none yet). */
    public long lock(TenantBound tenant, Kind kind, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select balance from " + kind.table + " where tenant_id = ?1 and member_id = ?2 for update")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.getFirst().longValue();
    }

    /** Takes {@code amount} from a balance locked with {@link #lock} that holds at least that much. */
    public long subtract(TenantBound tenant, Kind kind, UUID memberId, long amount) {
        return ((Number) em.createNativeQuery("update " + kind.table + " set balance = balance - ?1, updated_at = now() "
                        + "where tenant_id = ?2 and member_id = ?3 returning balance")
                .setParameter(1, amount)
                .setParameter(2, tenant.tenantId().toString())
                .setParameter(3, memberId)
                .getSingleResult()).longValue();
    }

    public long read(TenantBound tenant, Kind kind, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select balance from " + kind.table + " where tenant_id = ?1 and member_id = ?2")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, memberId)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.getFirst().longValue();
    }
}
