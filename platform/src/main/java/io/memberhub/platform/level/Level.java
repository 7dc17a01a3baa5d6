package io.memberhub.platform.level;

import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rung of a merchant's ladder. A level without an upgrade rule is an entry level: everyone qualifies. */
@Entity
@Table(name = "level")
class Level extends TenantOwned {

    @Column(nullable = false)
    int rank;

    @Column(nullable = false)
    String name;

    /** Members at this level earn this percent of the normal points (150 = one and a half times). */
    @Column(name = "points_percent", nullable = false)
    int pointsPercent = 100;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Benefit> benefits = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "gift_pack")
    GiftPack giftPack;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "upgrade_rule")
    Condition upgradeRule;

    @JdbcTypeCode(SqlTypes.JSON)
    Retention retention;

    /** What a period of this level costs (fen); empty unless the level is for sale. */
    @JdbcTypeCode(SqlTypes.JSON)
    Map<PaidPeriod, Long> prices;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
