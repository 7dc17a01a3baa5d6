package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member moving between levels, with what decided it. Never changed once written. */
@Entity
@Immutable
@Table(name = "level_change")
class LevelChange extends TenantOwned {

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Column(name = "from_level_id")
    UUID fromLevelId;

    @Column(name = "to_level_id")
    UUID toLevelId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    LevelChangeKind kind;

    @Column(nullable = false)
    String trigger;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    LevelExplanation explanation;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
