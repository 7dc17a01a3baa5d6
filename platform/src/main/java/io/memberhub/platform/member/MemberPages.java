package io.memberhub.platform.member;

import io.memberhub.platform.field.FieldSchema;
import io.memberhub.platform.field.FieldService;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keyset pages of live members in creation order. Each call is its own transaction (and request
 * context, since it may run while a response streams out).
 */
@ApplicationScoped
class MemberPages {

    record Cursor(Instant createdAt, UUID id) {
        static final Cursor START = new Cursor(Instant.EPOCH, new UUID(0, 0));
    }

    record Page(List<Member> members, Cursor next) {
    }

    @Inject
    MemberRepository members;

    @Inject
    FieldService fields;

    @ActivateRequestContext
    @Transactional
    @TenantTransaction
    FieldSchema schema(CallContext call) {
        return fields.schema(call);
    }

    @ActivateRequestContext
    @Transactional
    @TenantTransaction
    Page next(CallContext call, Cursor after, int size) {
        List<Member> page = members.getEntityManager().createQuery("""
                        select m from Member m
                        where m.deletedAt is null and (m.createdAt > :at or (m.createdAt = :at and m.id > :id))
                        order by m.createdAt, m.id""", Member.class)
                .setParameter("at", after.createdAt())
                .setParameter("id", after.id())
                .setMaxResults(size)
                .getResultList();
        members.getEntityManager().clear();
        Cursor next = page.size() < size ? null : new Cursor(page.getLast().createdAt, page.getLast().id());
        return new Page(page, next);
    }
}
