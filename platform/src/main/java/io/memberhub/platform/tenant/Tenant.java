package io.memberhub.platform.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A merchant: the platform-level registry entry that tenant-owned rows point to. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    UUID id;

    @Column(nullable = false)
    String slug;

    @Column(nullable = false)
    String name;

    @Column(name = "keycloak_org_id", nullable = false)
    String keycloakOrgId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Tenant() {
    }

    Tenant(UUID id, String slug, String name, String keycloakOrgId, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.keycloakOrgId = keycloakOrgId;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String keycloakOrgId() {
        return keycloakOrgId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
