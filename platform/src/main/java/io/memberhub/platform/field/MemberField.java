package io.memberhub.platform.field;

import jakarta.persistence.Column;
import io.memberhub.platform.tenancy.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A merchant's definition of an extra member attribute. */
@Entity
@Table(name = "member_field")
class MemberField extends TenantOwned {


    @Column(nullable = false, updatable = false)
    String key;

    @Column(nullable = false)
    String label;

    @Column(nullable = false, updatable = false)
    @Enumerated(EnumType.STRING)
    FieldType type;

    @Column(nullable = false)
    boolean required;

    @Column(name = "default_value")
    String defaultValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    List<String> options = new ArrayList<>();

    @Column(name = "private_field", nullable = false)
    boolean privateField;

    @Column(nullable = false)
    int position;

    @Column(name = "plugin_type", updatable = false)
    String pluginType;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    FieldDefinition definition() {
        return new FieldDefinition(key, label, type, required, defaultValue, List.copyOf(options), privateField, position, pluginType);
    }
}
