package io.memberhub.platform.wallet;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A purchase paid from stored value. */
@Entity
@Table(name = "wallet_payment")
class WalletPayment extends TenantOwned {

    @Column(name = "member_id", nullable = false, updatable = false)
    UUID memberId;

    @Column(name = "external_id", nullable = false, updatable = false)
    String externalId;

    @Column(nullable = false, updatable = false)
    long amount;

    @Column(name = "refunded_amount", nullable = false)
    long refundedAmount;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Version
    long version;
}
