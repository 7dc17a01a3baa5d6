package io.memberhub.platform.market;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A module in the market, claimed by the developer who first uploaded its plugin id. */
@Entity
@Table(name = "market_module")
class MarketModule {

    @Id
    String id;

    @Column(name = "developer_id", nullable = false)
    UUID developerId;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String description;

    @Column(nullable = false)
    String category;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
