package io.memberhub.platform.staff;

import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The staff table of one tenant. Keycloak holds the logins; this holds who works where, as what. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class StaffService {

    @Inject
    StaffRepository staff;

    public void registerOwner(TenantBound tenant, String userId, String email) {
        persist(userId, email, StaffRole.OWNER);
    }

    public Optional<StaffRole> roleOf(TenantBound tenant, String userId) {
        return staff.findByUser(userId).map(s -> s.role);
    }

    public List<StaffResponse> list(CallContext call) {
        return staff.listAll(Sort.by("createdAt").and("email")).stream()
                .map(StaffMember::toResponse)
                .toList();
    }

    StaffResponse me(CallContext call) {
        return staff.findByUser(call.userId()).map(StaffMember::toResponse)
                .orElseThrow(() -> ProblemException.forbidden("NOT_STAFF", "You no longer work for this merchant"));
    }

    boolean emailTaken(CallContext call, String email) {
        return staff.emailTaken(email);
    }

    StaffResponse add(CallContext call, String userId, String email, StaffRole role) {
        if (staff.findByUser(userId).isPresent()) {
            throw ProblemException.conflict("STAFF_EXISTS", "This person already works for this merchant");
        }
        return persist(userId, email, role).toResponse();
    }

    StaffResponse changeRole(CallContext call, UUID id, StaffRole role) {
        StaffMember member = find(id);
        if (member.role == StaffRole.OWNER) {
            throw ProblemException.conflict("OWNER_ROLE_FIXED", "The owner's role cannot be changed");
        }
        member.role = role;
        return member.toResponse();
    }

    /** Removes the staff row and returns the login it belonged to, so the caller can detach it from the organization. */
    String remove(CallContext call, UUID id) {
        StaffMember member = find(id);
        if (member.role == StaffRole.OWNER) {
            throw ProblemException.conflict("OWNER_ROLE_FIXED", "The owner cannot be removed");
        }
        if (member.userId.equals(call.userId())) {
            throw ProblemException.conflict("CANNOT_REMOVE_SELF", "You cannot remove yourself");
        }
        staff.delete(member);
        return member.userId;
    }

    private StaffMember find(UUID id) {
        return staff.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("STAFF_NOT_FOUND", "No staff member " + id));
    }

    private StaffMember persist(String userId, String email, StaffRole role) {
        var member = new StaffMember();
        member.userId = userId;
        member.email = email;
        member.role = role;
        member.createdAt = Instant.now();
        staff.persistAndFlush(member);
        return member;
    }
}
