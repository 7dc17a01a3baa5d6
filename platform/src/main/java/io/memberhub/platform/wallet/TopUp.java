package io.memberhub.platform.wallet;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Money a member paid into stored value, with the bonus it earned. */
@Entity
@Immutable
@Table(name = "top_up")
class TopUp extends TenantOwned {

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Column(name = "external_id", nullable = false)
    String externalId;

    @Column(nullable = false)
    long amount;

    @Column(nullable = false)
    long bonus;

    @Column(nullable = false)
    String channel;

    @Column(name = "paid_at", nullable = false)
    Instant paidAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
