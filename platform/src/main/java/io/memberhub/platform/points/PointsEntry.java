package io.memberhub.platform.points;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of a member's points ledger. Never changed once written. */
@Entity
@Immutable
@Table(name = "points_entry")
class PointsEntry extends TenantOwned {

    @Column(name = "member_id", nullable = false, updatable = false)
    UUID memberId;

    @Column(nullable = false, updatable = false)
    long delta;

    @Column(nullable = false, updatable = false)
    String reason;

    @Column(name = "source_type", nullable = false, updatable = false)
    String sourceType;

    @Column(name = "source_id", nullable = false, updatable = false)
    String sourceId;

    /** For an earning: when the lot's unspent points expire. */
    @Column(name = "expires_at", updatable = false)
    Instant expiresAt;

    /** On a staff member's manual line: the reason they gave. */
    @Column(updatable = false)
    String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    PointsEntryResponse toResponse() {
        return new PointsEntryResponse(id(), delta, reason, sourceType, sourceId, note, expiresAt, createdAt);
    }
}
