package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One period of a paid level bought by a member. Never changed once written. */
@Entity
@Immutable
@Table(name = "level_purchase")
class LevelPurchase extends TenantOwned {

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Column(name = "level_id", nullable = false)
    UUID levelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    PaidPeriod period;

    @Column(nullable = false)
    long price;

    @Enumerated(EnumType.STRING)
    @Column(name = "paid_with", nullable = false)
    LevelPurchases.PaidWith paidWith;

    @Column(name = "payment_ref")
    String paymentRef;

    @Column(name = "valid_from", nullable = false)
    Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    Instant validUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
