package io.memberhub.platform.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded version of a module: what its manifest said, how it was signed, and its review. */
@Entity
@Table(name = "market_module_version")
@IdClass(ModuleVersion.Key.class)
class ModuleVersion {

    record Key(String moduleId, String version) implements Serializable {
        Key() {
            this(null, null);
        }
    }

    enum Status { SUBMITTED, PUBLISHED, REJECTED }

    @Id
    @Column(name = "module_id")
    String moduleId;

    @Id
    String version;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String description;

    @Column(nullable = false)
    String category;

    String icon;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> screenshots;

    @Column(nullable = false)
    String requires;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> permissions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "config_schema", nullable = false)
    List<ModuleManifest.Setting> configSchema;

    @Column(name = "price_minor", nullable = false)
    long priceMinor;

    @Column(nullable = false)
    String sha256;

    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    @Column(name = "key_id", nullable = false)
    String keyId;

    @Column(nullable = false)
    String signature;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @Column(name = "submitted_at", nullable = false)
    Instant submittedAt;

    @Column(name = "reviewed_at")
    Instant reviewedAt;

    @Column(name = "reviewed_by")
    String reviewedBy;

    @Column(name = "review_note")
    String reviewNote;

    ModuleVersionResponse toResponse() {
        return toResponse(null);
    }

    /** With how many merchants enabled it, for its developer. */
    ModuleVersionResponse toResponse(Long merchants) {
        return new ModuleVersionResponse(moduleId, version, name, description, category, icon, screenshots, requires,
                permissions, configSchema, priceMinor, sha256, sizeBytes, keyId, status.name(), submittedAt, reviewedAt, reviewNote,
                merchants, null, null);
    }
}
