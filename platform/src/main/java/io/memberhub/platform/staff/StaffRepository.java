package io.memberhub.platform.staff;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class StaffRepository implements PanacheRepositoryBase<StaffMember, UUID> {

    Optional<StaffMember> findByUser(String userId) {
        return find("userId", userId).firstResultOptional();
    }

    boolean emailTaken(String email) {
        return count("email", email) > 0;
    }
}
