package io.memberhub.platform.level;

import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.platform.work.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Level reviews: every member of a tenant re-evaluated (upgrades, retention rules, paid levels
 * that ran out) in the background, batch by batch, with the progress on record. Asking for a review
 * while one waits joins the waiting one.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class LevelReviews {

    static final String WORK = "level-review";

    /** Fired when a review is queued; the worker starts once the transaction has committed. */
    record Requested(UUID tenantId) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    Event<Requested> requested;

    public LevelReviewResponse request(TenantBound tenant, String reason) {
        Optional<LevelReview> waiting = em.createQuery("select r from LevelReview r where r.status = :s", LevelReview.class)
                .setParameter("s", LevelReview.Status.QUEUED)
                .getResultStream().findFirst();
        if (waiting.isPresent()) {
            return waiting.get().toResponse();
        }
        var review = new LevelReview();
        review.reason = reason;
        review.status = LevelReview.Status.QUEUED;
        review.createdAt = Instant.now();
        em.persist(review);
        em.flush();
        work.signal(tenant.tenantId(), WORK);
        requested.fire(new Requested(tenant.tenantId()));
        return review.toResponse();
    }

    /** Whether the tenant needs a daily review: its ladder has retention rules or its members bought levels. */
    boolean dailyNeeded(TenantBound tenant) {
        return (Boolean) em.createNativeQuery("select exists (select 1 from level where retention is not null) "
                + "or exists (select 1 from member_level where paid_level_id is not null)").getSingleResult();
    }

    public List<LevelReviewResponse> recent(CallContext call) {
        return em.createQuery("select r from LevelReview r order by r.createdAt desc", LevelReview.class)
                .setMaxResults(20)
                .getResultStream().map(LevelReview::toResponse).toList();
    }

    public LevelReviewResponse get(CallContext call, UUID id) {
        LevelReview review = em.find(LevelReview.class, id);
        if (review == null) {
            throw ProblemException.notFound("LEVEL_REVIEW_NOT_FOUND", "No level review " + id);
        }
        return review.toResponse();
    }

    /** The review to work on: one that was running when its worker stopped, else the waiting one, now started. */
    Optional<UUID> start(TenantBound tenant) {
        List<LevelReview> open = em.createQuery("select r from LevelReview r where r.status in :s order by r.status desc",
                        LevelReview.class)
                .setParameter("s", Set.of(LevelReview.Status.RUNNING, LevelReview.Status.QUEUED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        LevelReview review = open.getFirst();
        if (review.status == LevelReview.Status.QUEUED) {
            review.status = LevelReview.Status.RUNNING;
            review.startedAt = Instant.now();
            review.total = ((Number) em.createNativeQuery("select count(*) from member where deleted_at is null").getSingleResult()).intValue();
        }
        return Optional.of(review.id());
    }

    /** The last member the review has done; null before the first page. */
    UUID after(TenantBound tenant, UUID reviewId) {
        return em.find(LevelReview.class, reviewId).afterMemberId;
    }

    /** Records a finished batch and keeps the worker's lease; false if the lease was lost. */
    boolean progress(TenantBound tenant, UUID reviewId, UUID lastMember, Tally tally, String worker, Duration lease) {
        LevelReview review = em.find(LevelReview.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        review.afterMemberId = lastMember;
        review.processed += tally.processed;
        review.upgraded += tally.upgraded;
        review.downgraded += tally.downgraded;
        review.notified += tally.notified;
        review.paidExpired += tally.paidExpired;
        return work.renew(tenant.tenantId(), WORK, worker, lease);
    }

    void finish(TenantBound tenant, UUID reviewId, String error) {
        LevelReview review = em.find(LevelReview.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        review.status = error == null ? LevelReview.Status.DONE : LevelReview.Status.FAILED;
        review.error = error;
        review.finishedAt = Instant.now();
    }

    /** Gives the tenant's work back, keeping the signal if another review has been queued meanwhile. */
    void release(TenantBound tenant, String worker) {
        work.release(tenant.tenantId(), WORK, worker, () -> !em.createNativeQuery("select 1 from level_review where status = 'QUEUED'")
                .getResultList().isEmpty());
    }

    /** What one batch did. */
    static final class Tally {
        int processed;
        int upgraded;
        int downgraded;
        int notified;
        int paidExpired;

        /** Members the review read and left as they were. */
        void passedOver(int members) {
            processed += members;
        }

        void add(Set<MemberLevels.Effect> effects) {
            processed++;
            upgraded += effects.contains(MemberLevels.Effect.UPGRADED) ? 1 : 0;
            downgraded += effects.contains(MemberLevels.Effect.DOWNGRADED) ? 1 : 0;
            notified += effects.contains(MemberLevels.Effect.NOTIFIED) ? 1 : 0;
            paidExpired += effects.contains(MemberLevels.Effect.PAID_EXPIRED) ? 1 : 0;
        }
    }
}
