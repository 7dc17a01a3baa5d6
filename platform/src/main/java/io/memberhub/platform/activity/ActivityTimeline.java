package io.memberhub.platform.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A member's activity, newest first, a page at a time. Pages are keyed on (occurredAt, id) rather
 * than numbered, so a page costs the same however deep, and activity arriving meanwhile neither
 * repeats nor skips a line.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivityTimeline {

    public static final int MAX_LIMIT = 100;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    MemberService members;

    public TimelinePage of(TenantBound tenant, UUID memberId, String type, String before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
        Cursor cursor = before == null || before.isBlank() ? null : Cursor.parse(before);
        members.requireLive(tenant, memberId);
        Query query = em.createNativeQuery("select id, type, occurred_at, subject, cast(attributes as text), source from member_activity "
                        + "where tenant_id = :tenant and member_id = :member"
                        + (type == null ? "" : " and type = :type")
                        + (cursor == null ? "" : " and (occurred_at, id) < (cast(:at as timestamptz), cast(:id as uuid))")
                        + " order by occurred_at desc, id desc limit :limit")
                .setParameter("tenant", tenant.tenantId().toString()).setParameter("member", memberId).setParameter("limit", limit + 1);
        if (type != null) {
            query.setParameter("type", type);
        }
        if (cursor != null) {
            query.setParameter("at", cursor.occurredAt()).setParameter("id", cursor.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ActivityEntry> items = rows.stream().limit(limit).map(this::entry).toList();
        String next = rows.size() > limit ? new Cursor(items.getLast().occurredAt(), items.getLast().id()).encode() : null;
        return new TimelinePage(items, next);
    }

    private ActivityEntry entry(Object[] r) {
        try {
            return new ActivityEntry((UUID) r[0], (String) r[1], SqlValues.instant(r[2]), (String) r[3], json.readTree((String) r[4]),
                    ActivitySource.valueOf((String) r[5]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity attributes are not readable", e);
        }
    }

    /** Where a page ends, opaque to callers so its form may change. */
    record Cursor(Instant occurredAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((occurredAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("before", "must be the next value of a previous page");
            }
        }
    }
}
