package io.memberhub.platform.export;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One export of a tenant's data, from the owner's request to the archive's expiry. */
@Entity
@Table(name = "export_job")
class ExportJob extends TenantOwned {

    enum Status { QUEUED, RUNNING, DONE, FAILED, EXPIRED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @Column(name = "requested_by", nullable = false, updatable = false)
    String requestedBy;

    /** Rows written so far per table, in the order the tables were written. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, Long> progress = new LinkedHashMap<>();

    @Column(name = "tables_total")
    Integer tablesTotal;

    int attempts;

    @Column(name = "leased_by")
    String leasedBy;

    @Column(name = "leased_until")
    Instant leasedUntil;

    @Column(name = "schema_version")
    String schemaVersion;

    @Column(name = "archive_bytes")
    Long archiveBytes;

    @Column(name = "archive_sha256")
    String archiveSha256;

    String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    ExportJobResponse toResponse() {
        return new ExportJobResponse(id(), status.name(), new LinkedHashMap<>(progress),
                progress.values().stream().mapToLong(Long::longValue).sum(), tablesTotal, schemaVersion, archiveBytes, archiveSha256,
                error, createdAt, startedAt, finishedAt, expiresAt,
                status == Status.DONE ? "/api/v1/exports/" + id() + "/archive" : null);
    }
}
