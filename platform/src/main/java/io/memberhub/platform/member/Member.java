package io.memberhub.platform.member;

import jakarta.persistence.Column;
import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A merchant's customer. Deleting is soft: the row stays, so ledgers that point at it stay whole. */
@Entity
@Table(name = "member")
class Member extends TenantOwned {


    @Column(nullable = false)
    String phone;

    String name;

    String email;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    Gender gender;

    LocalDate birthday;

    @Column(name = "avatar_url")
    String avatarUrl;

    @Column(name = "registration_source", nullable = false, updatable = false)
    String registrationSource;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<Address> addresses = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    Map<String, String> customFields = new LinkedHashMap<>();

    /** Who brought this member in; set once, never changed. */
    @Column(name = "referred_by")
    UUID referredBy;

    @Column(name = "referred_at")
    Instant referredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "deleted_at")
    Instant deletedAt;

    /** ACTIVE while live, DELETED once soft-deleted, ERASED once its personal data was erased (see privacy/). */
    @Column(nullable = false)
    String status = "ACTIVE";

    /** The member's Keycloak account, once the member has signed in. */
    @Column(name = "user_id")
    String userId;

    @Version
    long version;
}
