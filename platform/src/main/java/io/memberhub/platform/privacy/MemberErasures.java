package io.memberhub.platform.privacy;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.problem.Problem.FieldError;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Privacy requests about one member: is there such a member (live, deleted or erased), and erasing
 * their personal data. An erasure leaves a pseudonymous shell: the member row (its id, dates, level,
 * referral link) with name, phone, email, birthday, gender, avatar, addresses and custom field values
 * cleared and the login ended; ledgers, balances, orders, coupons and level history stay whole with
 * any free text staff wrote on them cleared; identities of other services, devices, activity, tags
 * and the marketing opt-out are deleted. The member is no longer live (so campaigns, segments, lists
 * and CSV exports pass it by, and its phone may sign up again), is marked ERASED, and a
 * {@code MemberErased} event asks webhooks and plugins to erase their copies.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberErasures {

    /** Personal rows deleted outright, by what they are: the table and the column that names the member. */
    private static final Map<String, String> DELETED_BY_MEMBER = orderedMap(
            "identities", "member_external_identity",
            "devices", "member_device",
            "loginChallenges", "login_challenge",
            "activity", "member_activity",
            "tags", "member_tag",
            "marketingOptOut", "marketing_opt_out");

    /** Rows that remember the phone rather than the member. */
    private static final Map<String, String> DELETED_BY_PHONE = orderedMap(
            "smsCodes", "sms_code",
            "loginFailures", "member_login_failure");

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotency;

    @Inject
    Outbox outbox;

    @Inject
    TenantRepository tenants;

    @Inject
    MemberLoginRelease logins;

    /** ACTIVE, DELETED or ERASED; 404 when the merchant has no such member. */
    public String status(CallContext call, UUID memberId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select status from member where id = ?1").setParameter(1, memberId).getResultList();
        if (found.isEmpty()) {
            throw notFound(memberId);
        }
        return found.getFirst();
    }

    public IdempotentWrites.Outcome<ErasureResponse> erase(CallContext call, UUID memberId, String idempotencyKey, ErasureRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null || !ErasureRequest.CONFIRMATION.equals(request.confirm())) {
            errors.add(new FieldError("confirm", "must be \"" + ErasureRequest.CONFIRMATION + "\": erasure cannot be undone"));
        }
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > ErasureRequest.MAX_REASON) {
            errors.add(new FieldError("reason", "is required (at most " + ErasureRequest.MAX_REASON + " characters)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The erasure is not confirmed", errors);
        }
        return idempotency.run(call, "member-erasure:" + memberId, idempotencyKey, request, ErasureResponse.class,
                () -> eraseNow(call, memberId, reason));
    }

    private ErasureResponse eraseNow(CallContext call, UUID memberId, String reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select status, phone, user_id from member where id = ?1 for update")
                .setParameter(1, memberId).getResultList();
        if (found.isEmpty()) {
            throw notFound(memberId);
        }
        if ("ERASED".equals(found.getFirst()[0])) {
            throw ProblemException.conflict("MEMBER_ALREADY_ERASED", "This member's personal data was erased already");
        }
        String phone = (String) found.getFirst()[1];
        String userId = (String) found.getFirst()[2];
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

        em.createNativeQuery("select erase_member_free_text(?1)").setParameter(1, memberId).getSingleResult();
        // The member's wishes on a points mall order and staff's delivery notes may name where the person lives.
        em.createNativeQuery("update mall_redemption set member_note = null, fulfilment_note = null where member_id = ?1")
                .setParameter(1, memberId).executeUpdate();
        Map<String, Integer> removed = new LinkedHashMap<>();
        DELETED_BY_MEMBER.forEach((kind, table) -> removed.put(kind,
                em.createNativeQuery("delete from " + table + " where member_id = ?1").setParameter(1, memberId).executeUpdate()));
        DELETED_BY_PHONE.forEach((kind, table) -> removed.put(kind,
                em.createNativeQuery("delete from " + table + " where phone = ?1").setParameter(1, phone).executeUpdate()));
        em.createNativeQuery("""
                        update member set phone = 'erased:' || id, name = null, email = null, gender = 'UNDISCLOSED', birthday = null,
                                          avatar_url = null, addresses = '[]', custom_fields = '{}', user_id = null,
                                          status = 'ERASED', erased_at = ?2, deleted_at = coalesce(deleted_at, ?2), updated_at = ?2,
                                          version = version + 1
                        where id = ?1""")
                .setParameter(1, memberId).setParameter(2, erasedAt).executeUpdate();

        boolean staffHere = userId != null && !em.createNativeQuery("select 1 from staff_member where user_id = ?1")
                .setParameter(1, userId).getResultList().isEmpty();
        String organization = tenants.findById(call.tenantId()).keycloakOrgId();
        // Last, so that an identity service that cannot be reached rolls the whole erasure back: nothing half done.
        MemberLoginRelease.Outcome login = logins.release(organization, userId, staffHere);
        em.createNativeQuery("insert into member_erasure (tenant_id, member_id, reason, requested_by, login, erased_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, call.tenantId().toString()).setParameter(2, memberId).setParameter(3, reason)
                .setParameter(4, call.userId()).setParameter(5, login.name()).setParameter(6, erasedAt)
                .executeUpdate();
        outbox.append(call, "MemberErased", "member", memberId, Map.of("memberId", memberId, "erasedAt", erasedAt.toString()));
        return new ErasureResponse(memberId, "ERASED", erasedAt, login.name(), removed);
    }

    static ProblemException notFound(UUID memberId) {
        return ProblemException.notFound("MEMBER_NOT_FOUND", "No member " + memberId);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
