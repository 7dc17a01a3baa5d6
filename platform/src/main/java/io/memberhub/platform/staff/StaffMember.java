package io.memberhub.platform.staff;

import jakarta.persistence.Column;
import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who works in a merchant's console, with their role there. */
@Entity
@Table(name = "staff_member")
class StaffMember extends TenantOwned {


    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(nullable = false)
    String email;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    StaffRole role;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    StaffResponse toResponse() {
        return new StaffResponse(id(), userId, email, role.id(), createdAt, null);
    }
}
