package io.memberhub.platform.mall;

import io.memberhub.platform.coupon.CouponService;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.mall.Reward.LevelRequirement;
import io.memberhub.platform.mall.Reward.PrizeResponse;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rewards of the points mall: defined, edited, published and stocked by the merchant's staff. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MallRewards {

    private static final String COLUMNS = "id, kind, name, description, image_url, points_price, stock, coupon_template_id, per_member_limit, "
            + "available_from, available_until, min_level_id, published, created_at, updated_at";

    @Inject
    EntityManager em;

    @Inject
    CouponService coupons;

    public Reward.Response create(CallContext call, Reward.Request request) {
        checkReferences(call, request);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Query insert = bind(em.createNativeQuery("insert into mall_reward (tenant_id, id, kind, name, description, image_url, points_price, stock, "
                        + "coupon_template_id, per_member_limit, available_from, available_until, min_level_id, published, created_at, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?13, ?8, ?9, ?10, ?11, ?12, false, ?14, ?14)"), call, id, request);
        typed(insert, 13, request.stock(), Long.class).setParameter(14, now).executeUpdate();
        writePrizes(call, id, request.prizes(), List.of());
        return get(call, id);
    }

    /** Edits a reward; its kind is fixed and its stock changes only through {@link #adjustStock}. */
    public Reward.Response update(CallContext call, UUID id, Reward.Request request) {
        Reward.Response current = get(call, id);
        if (current.kind() != request.kind()) {
            throw ProblemException.invalidField("kind", "cannot change (it is " + current.kind() + "): create a new reward instead");
        }
        if (request.stock() != null) {
            throw ProblemException.invalidField("stock", "changes with a stock adjustment (POST .../stock), so that redemptions made meanwhile are kept");
        }
        checkReferences(call, request);
        bind(em.createNativeQuery("update mall_reward set kind = ?3, name = ?4, description = ?5, image_url = ?6, points_price = ?7, "
                        + "coupon_template_id = ?8, per_member_limit = ?9, available_from = ?10, available_until = ?11, min_level_id = ?12, "
                        + "updated_at = ?13 where tenant_id = ?1 and id = ?2"), call, id, request)
                .setParameter(13, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        writePrizes(call, id, request.prizes(), current.prizes());
        return get(call, id);
    }

    public Reward.Response setPublished(CallContext call, UUID id, boolean published) {
        get(call, id);
        em.createNativeQuery("update mall_reward set published = ?1, updated_at = now() where tenant_id = ?2 and id = ?3")
                .setParameter(1, published).setParameter(2, call.tenantId().toString()).setParameter(3, id).executeUpdate();
        return get(call, id);
    }

    /**
     * Adds to or takes from the stock of the reward or of one of its prizes, in one conditional
     * statement: a redemption taking a unit at the same moment is never lost, and stock never goes
     * below zero.
     */
    public Reward.Response adjustStock(CallContext call, UUID id, Reward.StockChange change) {
        Reward.Response reward = get(call, id);
        String table;
        UUID row;
        Long stock;
        if (change.prizeId() == null) {
            table = "mall_reward";
            row = id;
            stock = reward.stock();
        } else {
            PrizeResponse prize = reward.prizes().stream().filter(p -> p.id().equals(change.prizeId())).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("PRIZE_NOT_FOUND", "Reward " + id + " has no prize " + change.prizeId()));
            table = "mall_prize";
            row = prize.id();
            stock = prize.stock();
        }
        if (stock == null) {
            throw ProblemException.unprocessable("STOCK_UNLIMITED", "This stock is unlimited: there is nothing to add to or take from");
        }
        int changed = em.createNativeQuery("update " + table + " set stock = stock + ?1 where tenant_id = ?2 and id = ?3 "
                        + "and stock + ?1 between 0 and " + Reward.MAX_STOCK)
                .setParameter(1, change.delta()).setParameter(2, call.tenantId().toString()).setParameter(3, row).executeUpdate();
        if (changed == 0) {
            throw ProblemException.conflict("STOCK_BELOW_ZERO", "The stock holds fewer than the " + -change.delta()
                    + " units to take (or would exceed " + Reward.MAX_STOCK + ")");
        }
        return get(call, id);
    }

    public List<Reward.Response> list(TenantBound tenant, boolean publishedOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from mall_reward where tenant_id = ?1"
                        + (publishedOnly ? " and published and (available_until is null or available_until > now())" : "")
                        + " order by created_at desc, id")
                .setParameter(1, tenant.tenantId().toString()).getResultList();
        return rows.stream().map(r -> toResponse(tenant, r)).toList();
    }

    public Reward.Response get(TenantBound tenant, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from mall_reward where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            throw notFound(id);
        }
        return toResponse(tenant, rows.getFirst());
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("REWARD_NOT_FOUND", "The points mall has no reward " + id);
    }

    private void checkReferences(TenantBound tenant, Reward.Request request) {
        Set<UUID> templates = new HashSet<>();
        if (request.couponTemplateId() != null) {
            templates.add(request.couponTemplateId());
        }
        if (request.prizes() != null) {
            request.prizes().stream().map(Reward.Prize::couponTemplateId).filter(t -> t != null).forEach(templates::add);
        }
        for (UUID template : templates) {
            if (!coupons.templateExists(tenant, template)) {
                throw ProblemException.notFound("COUPON_TEMPLATE_NOT_FOUND", "No coupon template " + template);
            }
        }
        if (request.minLevelId() != null && level(tenant, request.minLevelId()) == null) {
            throw ProblemException.notFound("LEVEL_NOT_FOUND", "No level " + request.minLevelId());
        }
    }

    private Query bind(Query query, TenantBound tenant, UUID id, Reward.Request request) {
        query.setParameter(1, tenant.tenantId().toString()).setParameter(2, id).setParameter(3, request.kind().name())
                .setParameter(4, request.name().strip()).setParameter(7, request.pointsPrice());
        typed(query, 5, blankToNull(request.description()), String.class);
        typed(query, 6, blankToNull(request.imageUrl()), String.class);
        typed(query, 8, request.couponTemplateId(), UUID.class);
        typed(query, 9, request.perMemberLimit(), Integer.class);
        typed(query, 10, request.availableFrom(), Instant.class);
        typed(query, 11, request.availableUntil(), Instant.class);
        return typed(query, 12, request.minLevelId(), UUID.class);
    }

    /**
     * Writes a lottery's prizes in the order given. A prize with an id keeps its row (and stock); one
     * left out of an edit is retired, since orders that won it still point at it.
     */
    private void writePrizes(TenantBound tenant, UUID rewardId, List<Reward.Prize> prizes, List<PrizeResponse> current) {
        List<Reward.Prize> given = prizes == null ? List.of() : prizes;
        Set<UUID> kept = new HashSet<>();
        for (int position = 0; position < given.size(); position++) {
            Reward.Prize prize = given.get(position);
            if (prize.id() == null) {
                Query insert = em.createNativeQuery("insert into mall_prize (tenant_id, id, reward_id, position, kind, name, weight, stock, coupon_template_id) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, tenant.tenantId().toString()).setParameter(2, UUID.randomUUID()).setParameter(3, rewardId)
                        .setParameter(4, position).setParameter(5, prize.kind().name()).setParameter(6, prize.name().strip())
                        .setParameter(7, prize.weight());
                typed(typed(insert, 8, prize.stock(), Long.class), 9, prize.couponTemplateId(), UUID.class).executeUpdate();
                continue;
            }
            if (current.stream().noneMatch(p -> p.id().equals(prize.id())) || !kept.add(prize.id())) {
                throw ProblemException.notFound("PRIZE_NOT_FOUND", "Reward " + rewardId + " has no prize " + prize.id() + " (or lists it twice)");
            }
            if (prize.stock() != null) {
                throw ProblemException.invalidField("prizes[" + position + "].stock",
                        "of a kept prize changes with a stock adjustment (POST .../stock with its prizeId)");
            }
            Query update = em.createNativeQuery("update mall_prize set position = ?1, kind = ?2, name = ?3, weight = ?4, coupon_template_id = ?5, "
                            + "stock = case when ?2 = 'NONE' then null else stock end where tenant_id = ?6 and id = ?7")
                    .setParameter(1, position).setParameter(2, prize.kind().name()).setParameter(3, prize.name().strip())
                    .setParameter(4, prize.weight())
                    .setParameter(6, tenant.tenantId().toString()).setParameter(7, prize.id());
            typed(update, 5, prize.couponTemplateId(), UUID.class).executeUpdate();
        }
        for (PrizeResponse old : current) {
            if (!kept.contains(old.id())) {
                em.createNativeQuery("update mall_prize set retired_at = now() where tenant_id = ?1 and id = ?2")
                        .setParameter(1, tenant.tenantId().toString()).setParameter(2, old.id()).executeUpdate();
            }
        }
    }

    /** A lottery's prizes in draw order, retired ones left out. */
    List<PrizeResponse> prizes(TenantBound tenant, UUID rewardId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, name, weight, stock, coupon_template_id from mall_prize "
                        + "where tenant_id = ?1 and reward_id = ?2 and retired_at is null order by position")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, rewardId).getResultList();
        return rows.stream().map(r -> new PrizeResponse((UUID) r[0], PrizeKind.valueOf((String) r[1]), (String) r[2],
                ((Number) r[3]).longValue(), longOrNull(r[4]), (UUID) r[5])).toList();
    }

    /** The level's name and rank, or null when the merchant has no such level (any more). */
    LevelRequirement level(TenantBound tenant, UUID levelId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, rank from level where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, levelId).getResultList();
        return rows.isEmpty() ? null : new LevelRequirement(levelId, (String) rows.getFirst()[0], ((Number) rows.getFirst()[1]).intValue());
    }

    private Reward.Response toResponse(TenantBound tenant, Object[] r) {
        UUID id = (UUID) r[0];
        RewardKind kind = RewardKind.valueOf((String) r[1]);
        List<PrizeResponse> prizes = kind == RewardKind.LOTTERY ? prizes(tenant, id) : List.of();
        UUID levelId = (UUID) r[11];
        LevelRequirement level = null;
        if (levelId != null) {
            level = level(tenant, levelId);
            if (level == null) {
                level = new LevelRequirement(levelId, null, null);
            }
        }
        Long totalWeight = kind == RewardKind.LOTTERY ? prizes.stream().mapToLong(PrizeResponse::weight).sum() : null;
        return new Reward.Response(id, kind, (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).longValue(), longOrNull(r[6]),
                (UUID) r[7], r[8] == null ? null : ((Number) r[8]).intValue(), SqlValues.instant(r[9]), SqlValues.instant(r[10]), level,
                (Boolean) r[12], new ArrayList<>(prizes), totalWeight, SqlValues.instant(r[13]), SqlValues.instant(r[14]));
    }

    /** Binds a value that may be null with its type: a null bound on its own has no type the driver can send. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Query typed(Query query, int position, Object value, Class type) {
        query.unwrap(NativeQuery.class).setParameter(position, value, type);
        return query;
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
