package io.memberhub.platform.wallet;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of a member's stored-value ledger, in fen. Never changed once written. */
@Entity
@Immutable
@Table(name = "wallet_entry")
class WalletEntry extends TenantOwned {

    enum Kind { TOP_UP, BONUS, PAYMENT, PAYMENT_REFUND, TOP_UP_REFUND, BONUS_REVERSAL, ADJUSTMENT }

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Column(nullable = false)
    long delta;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    Kind kind;

    @Column(name = "source_id", nullable = false)
    String sourceId;

    /** On a staff member's manual line: the reason they gave, and who they are. */
    @Column
    String note;

    @Column(name = "staff_user_id")
    String staffUserId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    WalletEntryResponse toResponse() {
        return new WalletEntryResponse(id(), delta, kind.name(), sourceId, note, createdAt);
    }
}
