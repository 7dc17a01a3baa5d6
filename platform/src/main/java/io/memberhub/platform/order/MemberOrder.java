package io.memberhub.platform.order;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A paid order: the fact that earns points and, later, drives levels. */
@Entity
@Table(name = "member_order")
class MemberOrder extends TenantOwned {

    @Column(name = "member_id", nullable = false, updatable = false)
    UUID memberId;

    @Column(name = "external_id", nullable = false, updatable = false)
    String externalId;

    @Column(nullable = false, updatable = false)
    long amount;

    @Column(name = "refunded_amount", nullable = false)
    long refundedAmount;

    @Column(name = "points_earned", nullable = false, updatable = false)
    long pointsEarned;

    @Column(name = "points_reversed", nullable = false)
    long pointsReversed;

    @Column(nullable = false, updatable = false)
    String channel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    List<OrderItem> items = new ArrayList<>();

    @Column(name = "paid_at", nullable = false, updatable = false)
    Instant paidAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Version
    long version;

    OrderResponse toResponse(long pointsBalance) {
        return new OrderResponse(id(), externalId, memberId, amount, refundedAmount, pointsEarned, pointsReversed,
                pointsBalance, channel, paidAt, createdAt);
    }
}
