package io.memberhub.platform.visit;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A member came by: a store visit, a class attended, a gym check-in. */
@Entity
@Immutable
@Table(name = "visit")
class Visit extends TenantOwned {

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Column(name = "external_id", nullable = false)
    String externalId;

    String location;

    @Column(name = "visited_at", nullable = false)
    Instant visitedAt;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
