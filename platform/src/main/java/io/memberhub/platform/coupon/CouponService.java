package io.memberhub.platform.coupon;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.coupon.Coupons.CounterRedeemRequest;
import io.memberhub.platform.coupon.Coupons.CounterRedeemed;
import io.memberhub.platform.coupon.Coupons.CouponResponse;
import io.memberhub.platform.coupon.Coupons.IssueRequest;
import io.memberhub.platform.coupon.Coupons.RedeemRequest;
import io.memberhub.platform.coupon.Coupons.RedeemResponse;
import io.memberhub.platform.coupon.Coupons.TemplateRequest;
import io.memberhub.platform.coupon.Coupons.TemplateResponse;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Coupon templates, coupons issued to members, and their one-time redemption. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class CouponService {

    /** Letters and digits that cannot be mistaken for each other when read out at a till. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COUPON_COLUMNS = """
            c.id, c.code, c.template_id, t.name, t.kind, t.value, t.min_spend, c.member_id, c.source, c.status,
            c.issued_at, c.expires_at, c.redeemed_at, c.redeemed_order, c.discount""";

    @Inject
    EntityManager em;

    @Inject
    IdempotentWrites idempotent;

    @Inject
    MemberService members;

    @Inject
    Outbox outbox;

    public TemplateResponse createTemplate(CallContext call, TemplateRequest request) {
        UUID id = UUID.randomUUID();
        long minSpend = request.minSpend() == null ? 0 : request.minSpend();
        try {
            em.createNativeQuery("insert into coupon_template (tenant_id, id, name, kind, value, min_spend, validity_days, points_price, "
                            + "created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now())")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, request.name().strip())
                    .setParameter(4, request.kind().name()).setParameter(5, request.value()).setParameter(6, minSpend)
                    .setParameter(7, request.validityDays()).setParameter(8, request.pointsPrice())
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "coupon_template_name_uq")) {
                throw ProblemException.conflict("COUPON_TEMPLATE_EXISTS", "A coupon template is already called '" + request.name() + "'");
            }
            throw e;
        }
        return new TemplateResponse(id, request.name().strip(), request.kind(), request.value(), minSpend, request.validityDays(),
                request.pointsPrice());
    }

    /**
     * The template a rule issues from (a birthday coupon of a level), created the first time the
     * rule needs it and shown with the merchant's own templates.
     */
    public UUID ruleTemplate(TenantBound tenant, String name, CouponKind kind, long value, int validityDays) {
        em.createNativeQuery("insert into coupon_template (tenant_id, id, name, kind, value, min_spend, validity_days, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, 0, ?6, now()) on conflict (tenant_id, name) do nothing")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, UUID.randomUUID()).setParameter(3, name)
                .setParameter(4, kind.name()).setParameter(5, value).setParameter(6, validityDays)
                .executeUpdate();
        return (UUID) em.createNativeQuery("select id from coupon_template where tenant_id = ?1 and name = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, name)
                .getSingleResult();
    }

    public List<TemplateResponse> templates(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, name, kind, value, min_spend, validity_days, points_price from coupon_template "
                        + "where tenant_id = ?1 order by created_at")
                .setParameter(1, call.tenantId().toString()).getResultList();
        return rows.stream().map(r -> new TemplateResponse((UUID) r[0], (String) r[1], CouponKind.valueOf((String) r[2]),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).longValue())).toList();
    }

    /** Issues a coupon by hand; gift packs and campaigns issue through the same path with their own source. */
    public boolean templateExists(TenantBound tenant, UUID templateId) {
        return !em.createNativeQuery("select 1 from coupon_template where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, templateId).getResultList().isEmpty();
    }

    public Outcome<CouponResponse> issue(TenantBound call, String key, IssueRequest request, String source) {
        return idempotent.run(call, "coupon-issue", key, request, CouponResponse.class, () -> {
            members.requireLive(call, request.memberId());
            @SuppressWarnings("unchecked")
            List<Number> validity = em.createNativeQuery("select validity_days from coupon_template where tenant_id = ?1 and id = ?2")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, request.templateId()).getResultList();
            if (validity.isEmpty()) {
                throw templateNotFound(request.templateId());
            }
            return issueNow(call, request, validity.getFirst().intValue(), source);
        });
    }

    /** Issues a coupon of a template known to exist, inside the caller's idempotent write. */
    CouponResponse issueNow(TenantBound call, IssueRequest request, int validityDays, String source) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("insert into coupon (tenant_id, id, template_id, member_id, code, source, status, issued_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, 'ISSUED', ?7, ?8)")
                .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, request.templateId())
                .setParameter(4, request.memberId()).setParameter(5, newCode()).setParameter(6, source)
                .setParameter(7, now).setParameter(8, now.plus(Duration.ofDays(validityDays)))
                .executeUpdate();
        CouponResponse issued = byId(call, id);
        outbox.append(call, "CouponIssued", "member", request.memberId(), issued);
        return issued;
    }

    static ProblemException templateNotFound(UUID templateId) {
        return ProblemException.notFound("COUPON_TEMPLATE_NOT_FOUND", "No coupon template " + templateId);
    }

    public List<CouponResponse> memberCoupons(TenantBound call, UUID memberId, String status) {
        members.requireLive(call, memberId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COUPON_COLUMNS + " from coupon c join coupon_template t "
                        + "on t.tenant_id = c.tenant_id and t.id = c.template_id where c.tenant_id = ?1 and c.member_id = ?2 "
                        + "order by c.issued_at desc")
                .setParameter(1, call.tenantId().toString()).setParameter(2, memberId).getResultList();
        return rows.stream().map(CouponService::toResponse)
                .filter(c -> status == null || c.status().equals(status))
                .toList();
    }

    /**
     * The usable coupons (issued, neither redeemed nor expired) of several live members at once, by
     * member, soonest to expire first: one query for a device's offline cache of a page of members.
     */
    public Map<UUID, List<CouponResponse>> usableOf(TenantBound call, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COUPON_COLUMNS + " from coupon c join coupon_template t "
                        + "on t.tenant_id = c.tenant_id and t.id = c.template_id join member m on m.tenant_id = c.tenant_id and m.id = c.member_id "
                        + "where c.tenant_id = ?1 and c.member_id = any(cast(string_to_array(?2, ',') as uuid[])) and m.deleted_at is null "
                        + "and c.status = 'ISSUED' and c.expires_at > now() order by c.member_id, c.expires_at, c.code")
                .setParameter(1, call.tenantId().toString())
                .setParameter(2, String.join(",", memberIds.stream().map(UUID::toString).toList()))
                .getResultList();
        Map<UUID, List<CouponResponse>> usable = new LinkedHashMap<>();
        for (Object[] row : rows) {
            CouponResponse coupon = toResponse(row);
            usable.computeIfAbsent(coupon.memberId(), m -> new ArrayList<>()).add(coupon);
        }
        return usable;
    }

    /** Redeems a coupon once: concurrent attempts wait on the coupon's row, and all but the first are refused. */
    public Outcome<RedeemResponse> redeem(CallContext call, String code, String key, RedeemRequest request) {
        return idempotent.run(call, "coupon-redeem", key, new RedeemOf(code, request), RedeemResponse.class, () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + COUPON_COLUMNS + " from coupon c join coupon_template t "
                            + "on t.tenant_id = c.tenant_id and t.id = c.template_id where c.tenant_id = ?1 and c.code = ?2 for update of c")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, code).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("COUPON_NOT_FOUND", "No coupon " + code);
            }
            CouponResponse coupon = toResponse(rows.getFirst());
            if (!coupon.memberId().equals(request.memberId())) {
                throw refused("COUPON_NOT_YOURS", "This coupon belongs to another member");
            }
            switch (coupon.status()) {
                case "REDEEMED" -> throw ProblemException.conflict("COUPON_ALREADY_REDEEMED",
                        "Coupon " + code + " was redeemed for order " + coupon.redeemedOrder());
                case "EXPIRED" -> throw refused("COUPON_EXPIRED", "Coupon " + code + " expired at " + coupon.expiresAt());
                default -> {
                }
            }
            if (request.orderAmount() < coupon.minSpend()) {
                throw refused("COUPON_MIN_SPEND", "Coupon " + code + " needs an order of at least " + coupon.minSpend() + " fen");
            }
            long discount = coupon.kind().discount(coupon.value(), request.orderAmount());
            em.createNativeQuery("update coupon set status = 'REDEEMED', redeemed_at = now(), redeemed_order = ?1, discount = ?2 "
                            + "where tenant_id = ?3 and id = ?4")
                    .setParameter(1, request.externalId()).setParameter(2, discount)
                    .setParameter(3, call.tenantId().toString()).setParameter(4, coupon.id())
                    .executeUpdate();
            var redeemed = new RedeemResponse(code, request.externalId(), request.orderAmount(), discount, request.orderAmount() - discount);
            outbox.append(call, "CouponRedeemed", "member", coupon.memberId(), redeemed);
            return redeemed;
        });
    }

    /**
     * Redeems one of a member's coupons at a counter (a store's staff or scanner), not against an
     * order: once, like {@link #redeem}. The coupon keeps where ({@code redeemed_order}:
     * {@code <source>@<store>}); {@code CouponRedeemed} says where, who and through what.
     */
    public Outcome<CounterRedeemed> redeemAtCounter(TenantBound call, String key, CounterRedeemRequest request, String source) {
        return idempotent.run(call, "coupon-counter-redeem", key, request, CounterRedeemed.class, () -> {
            members.requireLive(call, request.memberId());
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select " + COUPON_COLUMNS + " from coupon c join coupon_template t "
                            + "on t.tenant_id = c.tenant_id and t.id = c.template_id where c.tenant_id = ?1 and c.id = ?2 for update of c")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, request.couponId()).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("COUPON_NOT_FOUND", "No coupon " + request.couponId());
            }
            CouponResponse coupon = toResponse(rows.getFirst());
            if (!coupon.memberId().equals(request.memberId())) {
                throw ProblemException.notFound("COUPON_NOT_FOUND", "The member holds no coupon " + request.couponId());
            }
            switch (coupon.status()) {
                case "REDEEMED" -> throw ProblemException.conflict("COUPON_ALREADY_REDEEMED", "Coupon " + coupon.code() + " ("
                        + coupon.name() + ") was redeemed at " + coupon.redeemedAt() + " (" + coupon.redeemedOrder() + ")");
                case "EXPIRED" -> throw refused("COUPON_EXPIRED", "Coupon " + coupon.code() + " expired at " + coupon.expiresAt());
                default -> {
                }
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            em.createNativeQuery("update coupon set status = 'REDEEMED', redeemed_at = ?1, redeemed_order = ?2 where tenant_id = ?3 and id = ?4")
                    .setParameter(1, now).setParameter(2, source + "@" + request.store())
                    .setParameter(3, call.tenantId().toString()).setParameter(4, coupon.id())
                    .executeUpdate();
            var redeemed = new CounterRedeemed(coupon.id(), coupon.code(), coupon.memberId(), coupon.name(), coupon.kind(), coupon.value(), now,
                    request.store(), request.staff(), source);
            outbox.append(call, "CouponRedeemed", "member", coupon.memberId(), redeemed);
            return redeemed;
        });
    }

    private CouponResponse byId(TenantBound call, UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select " + COUPON_COLUMNS + " from coupon c join coupon_template t "
                        + "on t.tenant_id = c.tenant_id and t.id = c.template_id where c.tenant_id = ?1 and c.id = ?2")
                .setParameter(1, call.tenantId().toString()).setParameter(2, id).getSingleResult();
        return toResponse(row);
    }

    private static CouponResponse toResponse(Object[] r) {
        Instant expires = SqlValues.instant(r[11]);
        String status = (String) r[9];
        if ("ISSUED".equals(status) && !expires.isAfter(Instant.now())) {
            status = "EXPIRED";
        }
        return new CouponResponse((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], CouponKind.valueOf((String) r[4]),
                ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (UUID) r[7], (String) r[8], status, SqlValues.instant(r[10]),
                expires, SqlValues.instant(r[12]), (String) r[13], r[14] == null ? null : ((Number) r[14]).longValue());
    }

    private static String newCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static ProblemException refused(String code, String detail) {
        return new ProblemException(422, code, "Coupon cannot be used", detail, List.of());
    }

    /** What a redemption's idempotency key covers. */
    record RedeemOf(String code, RedeemRequest redemption) {
    }
}
