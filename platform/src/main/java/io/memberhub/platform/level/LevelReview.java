package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A review of every member's level, worked through in batches by the background worker. */
@Entity
@Table(name = "level_review")
class LevelReview extends TenantOwned {

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Column(nullable = false)
    String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    Integer total;

    int processed;

    int upgraded;

    int downgraded;

    int notified;

    @Column(name = "paid_expired")
    int paidExpired;

    /** The last member reviewed: the review resumes after it. */
    @Column(name = "after_member_id")
    UUID afterMemberId;

    String error;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    LevelReviewResponse toResponse() {
        return new LevelReviewResponse(id(), reason, status.name(), total, processed, upgraded, downgraded, notified, paidExpired,
                error, createdAt, startedAt, finishedAt);
    }
}
