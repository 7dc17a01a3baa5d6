package io.memberhub.platform.field;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class FieldRepository implements PanacheRepositoryBase<MemberField, UUID> {

    Optional<MemberField> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }
}
