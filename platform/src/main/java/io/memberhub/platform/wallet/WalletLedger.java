package io.memberhub.platform.wallet;

import io.memberhub.platform.ledger.BalanceRows;
import io.memberhub.platform.ledger.StaffNote;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only stored-value ledger and its balance, which never goes negative. */
@ApplicationScoped
@Transactional
@TenantTransaction
class WalletLedger {

    @Inject
    EntityManager em;

    @Inject
    BalanceRows balances;

    long credit(TenantBound tenant, UUID memberId, long amount, WalletEntry.Kind kind, String sourceId) {
        return credit(tenant, memberId, amount, kind, sourceId, null);
    }

    long credit(TenantBound tenant, UUID memberId, long amount, WalletEntry.Kind kind, String sourceId, StaffNote note) {
        append(memberId, amount, kind, sourceId, note);
        return balances.add(tenant, BalanceRows.Kind.WALLET, memberId, amount);
    }

    long debit(TenantBound tenant, UUID memberId, long amount, WalletEntry.Kind kind, String sourceId) {
        return debit(tenant, memberId, amount, kind, sourceId, null);
    }

    long debit(TenantBound tenant, UUID memberId, long amount, WalletEntry.Kind kind, String sourceId, StaffNote note) {
        long available = balances.lock(tenant, BalanceRows.Kind.WALLET, memberId);
        if (available < amount) {
            throw new ProblemException(422, "INSUFFICIENT_BALANCE", "Insufficient balance",
                    "The member's stored value is " + available + " fen, less than the " + amount + " fen asked for", List.of());
        }
        append(memberId, -amount, kind, sourceId, note);
        return balances.subtract(tenant, BalanceRows.Kind.WALLET, memberId, amount);
    }

    /** Locks the member's balance for the rest of the transaction, serialising every change to it, and returns it. */
    long lock(TenantBound tenant, UUID memberId) {
        return balances.lock(tenant, BalanceRows.Kind.WALLET, memberId);
    }

    long balance(TenantBound tenant, UUID memberId) {
        return balances.read(tenant, BalanceRows.Kind.WALLET, memberId);
    }

    WalletSummary summary(TenantBound tenant, UUID memberId) {
        long balance = balance(tenant, memberId);
        long sum = em.createQuery("select coalesce(sum(e.delta), 0) from WalletEntry e where e.memberId = :m", Long.class)
                .setParameter("m", memberId).getSingleResult();
        List<WalletEntryResponse> recent = em.createQuery(
                        "select e from WalletEntry e where e.memberId = :m order by e.createdAt desc, e.id desc", WalletEntry.class)
                .setParameter("m", memberId).setMaxResults(20).getResultStream().map(WalletEntry::toResponse).toList();
        return new WalletSummary(memberId, balance, sum, balance == sum, recent);
    }

    private void append(UUID memberId, long delta, WalletEntry.Kind kind, String sourceId, StaffNote note) {
        var entry = new WalletEntry();
        entry.memberId = memberId;
        entry.delta = delta;
        entry.kind = kind;
        entry.sourceId = sourceId;
        if (note != null) {
            entry.note = note.text();
            entry.staffUserId = note.staffUserId();
        }
        entry.createdAt = Instant.now();
        em.persist(entry);
    }
}
