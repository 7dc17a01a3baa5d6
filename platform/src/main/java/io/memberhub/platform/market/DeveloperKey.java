package io.memberhub.platform.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An Ed25519 public key a developer signs packages with; revoked keys verify nothing new. */
@Entity
@Table(name = "market_developer_key")
class DeveloperKey {

    @Id
    String id;

    @Column(name = "developer_id", nullable = false)
    UUID developerId;

    @Column(name = "public_key", nullable = false)
    byte[] publicKey;

    @Column(nullable = false)
    String label;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    boolean active() {
        return revokedAt == null;
    }

    DeveloperKeyResponse toResponse() {
        return new DeveloperKeyResponse(id, label, createdAt, revokedAt);
    }
}
