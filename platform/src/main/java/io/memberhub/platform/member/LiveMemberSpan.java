package io.memberhub.platform.member;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * A page of a tenant's live members in id order, as bulk work (a level review, a rule tag's
 * evaluation of everyone) walks them: the last of them, where the next page starts, and how many
 * there are. Read index-only from the live-member index, in the caller's transaction.
 */
public record LiveMemberSpan(UUID last, int members) {

    /** The page of at most {@code size} live members after {@code after} (null: from the first); null past the last member. */
    public static LiveMemberSpan after(EntityManager em, String tenantId, UUID after, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> bounds = em.createNativeQuery("""
                        with page as (select id from member where tenant_id = ?1 and deleted_at is null and id > cast(?2 as uuid)
                            order by id limit ?3)
                        select id, (select count(*) from page) from page order by id desc limit 1""")
                .setParameter(1, tenantId)
                .setParameter(2, (after == null ? new UUID(0, 0) : after).toString())
                .setParameter(3, size)
                .getResultList();
        return bounds.isEmpty() ? null : new LiveMemberSpan((UUID) bounds.getFirst()[0], ((Number) bounds.getFirst()[1]).intValue());
    }
}
