package io.memberhub.platform.level;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the earned level's retention rule does to a member: the periodic review moved on, a drop
 * announced, an announced drop cancelled, or the drop carried out once the grace has ended. Decided
 * without writing anything, so that one member's review and a review page's set-based write apply
 * the very same decision.
 *
 * @param nextReviewAt the periodic review's new date; null leaves it as it is
 * @param cancelled    why an announced drop is called off; null when none is
 * @param notice       the drop announced now (the {@code LevelDowngradeNotice} event); null when none is
 * @param drop         the drop carried out now; null when none is
 */
record RetentionOutcome(Instant nextReviewAt, String cancelled, MemberLevelResponse.Downgrade notice, Drop drop) {

    static final RetentionOutcome NONE = new RetentionOutcome(null, null, null, null);

    /** Where the member falls (null: no level) and why. */
    record Drop(Rung to, LevelExplanation why) {
    }

    boolean changesNothing() {
        return equals(NONE);
    }

    /**
     * The outcome for a member on {@code earned} (not null) with these facts. Only a review
     * ({@code review}) announces or carries out a drop; facts alone may only call one off.
     */
    static RetentionOutcome of(Ladder ladder, MemberLevelState state, Rung earned, MemberFacts facts, boolean review) {
        Instant now = facts.asOf();
        Retention retention = earned.retention();
        Rung pinned = state.pinnedAt(now) ? ladder.byId(state.pinnedLevelId()) : null;
        boolean pending = state.downgradeDue() != null;
        if (retention == null || (pinned != null && pinned.rank() >= earned.rank())) {
            return !pending ? NONE
                    : new RetentionOutcome(null, retention == null ? "the level has no retention rule any more" : "the level is pinned", null, null);
        }
        Instant nextReview = nextReview(state, retention);
        boolean reviewNow = review && (pending || nextReview == null || !nextReview.isAfter(now));
        if (!pending && !reviewNow) {
            return NONE;
        }
        List<Condition.Check> checks = new ArrayList<>();
        boolean kept = retention.rule().evaluate(facts.forRetention(), checks);
        Instant following = null;
        if (reviewNow && !pending && nextReview != null) {
            following = nextReview;
            while (!following.isAfter(now)) {
                following = following.atZone(ZoneOffset.UTC).plusMonths(retention.reviewEveryMonths()).toInstant();
            }
        }
        if (kept || !review) {
            return new RetentionOutcome(following, kept && pending ? "the retention rule is met again" : null, null, null);
        }
        Instant due = state.downgradeDue();
        MemberLevelResponse.Downgrade notice = null;
        if (!pending) {
            due = now.plus(Duration.ofDays(retention.graceDays()));
            notice = new MemberLevelResponse.Downgrade(earned.ref(), due, checks);
        }
        if (due.isAfter(now)) {
            return new RetentionOutcome(following, null, notice, null);
        }
        Rung target = null;
        List<Condition.Check> targetChecks = new ArrayList<>();
        for (Rung candidate : ladder.rungs().reversed()) {
            if (candidate.rank() < earned.rank() && MemberLevels.qualifies(candidate, facts, targetChecks)) {
                target = candidate;
                break;
            }
        }
        if (pinned != null) {
            target = Ladder.higher(target, pinned);
        }
        return new RetentionOutcome(following, null, notice, new Drop(target, new LevelExplanation(
                "retention rule of " + earned.name() + " unmet after the grace period that ended " + due, checks, now)));
    }

    /** When the earned level's periodic retention review falls due; null for a rule checked at every review. */
    private static Instant nextReview(MemberLevelState state, Retention retention) {
        if (retention.reviewEveryMonths() == null) {
            return null;
        }
        if (state.nextReviewAt() != null) {
            return state.nextReviewAt();
        }
        Instant since = state.since() == null ? Instant.now() : state.since();
        return since.atZone(ZoneOffset.UTC).plusMonths(retention.reviewEveryMonths()).toInstant();
    }
}
