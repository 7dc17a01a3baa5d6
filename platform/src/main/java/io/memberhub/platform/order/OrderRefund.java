package io.memberhub.platform.order;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "order_refund")
class OrderRefund extends TenantOwned {

    @Column(name = "order_id", nullable = false)
    UUID orderId;

    @Column(nullable = false)
    long amount;

    @Column(name = "points_reversed", nullable = false)
    long pointsReversed;

    String reason;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
