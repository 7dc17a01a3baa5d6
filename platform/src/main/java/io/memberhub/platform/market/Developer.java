package io.memberhub.platform.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A plugin developer registered with the market; their Keycloak login carries the {@code developer} role. */
@Entity
@Table(name = "market_developer")
class Developer {

    @Id
    UUID id;

    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String email;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    DeveloperResponse toResponse() {
        return new DeveloperResponse(id, name, email, createdAt);
    }
}
