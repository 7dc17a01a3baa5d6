package io.memberhub.platform.staff;

import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CallContextResolver;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Brings a person into a merchant's console: a Keycloak login (reused if they have one), membership
 * of the merchant's organization, and a staff row. Keycloak and the database cannot share a
 * transaction, so a failure undoes the Keycloak steps this call made.
 */
@ApplicationScoped
public class StaffInvitations {

    private static final Logger LOG = Logger.getLogger(StaffInvitations.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KeycloakDirectory directory;

    @Inject
    StaffService staff;

    @Inject
    TenantRepository tenants;

    @Inject
    CallContextResolver callContexts;

    public StaffResponse invite(CallContext call, InviteStaffRequest request) {
        StaffRole role = StaffRole.fromId(request.role());
        if (role == StaffRole.ADMIN && call.role() != StaffRole.OWNER) {
            throw ProblemException.forbidden("OWNER_ONLY", "Only the owner can invite admins");
        }
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (staff.emailTaken(call, email)) {
            throw ProblemException.conflict("STAFF_EXISTS", "This person already works for this merchant");
        }
        String orgId = organizationOf(call);
        Optional<String> existing = directory.findUserIdByEmail(email);
        String temporaryPassword = null;
        String userId;
        if (existing.isPresent()) {
            userId = existing.get();
        } else {
            boolean temporary = request.initialPassword() == null;
            String password = temporary ? generatePassword() : request.initialPassword();
            userId = directory.createUser(email, password, temporary);
            temporaryPassword = temporary ? password : null;
        }
        try {
            directory.addMember(orgId, userId);
            StaffResponse added = staff.add(call, userId, email, role).withTemporaryPassword(temporaryPassword);
            callContexts.evict(call.tenantId());
            return added;
        } catch (RuntimeException failure) {
            undo(orgId, userId, existing.isEmpty());
            throw failure;
        }
    }

    public StaffResponse changeRole(CallContext call, UUID staffId, ChangeRoleRequest request) {
        requireOwner(call);
        StaffResponse changed = staff.changeRole(call, staffId, StaffRole.fromId(request.role()));
        callContexts.evict(call.tenantId());
        return changed;
    }

    public void remove(CallContext call, UUID staffId) {
        requireOwner(call);
        String userId = staff.remove(call, staffId);
        callContexts.evict(call.tenantId());
        directory.removeMember(organizationOf(call), userId);
    }

    private void requireOwner(CallContext call) {
        if (call.role() != StaffRole.OWNER) {
            throw ProblemException.forbidden("OWNER_ONLY", "Only the owner can change or remove staff");
        }
    }

    private String organizationOf(CallContext call) {
        return tenants.findByIdOptional(call.tenantId()).orElseThrow().keycloakOrgId();
    }

    private void undo(String orgId, String userId, boolean userCreated) {
        try {
            if (userCreated) {
                directory.deleteUser(userId);
            } else {
                directory.removeMember(orgId, userId);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not undo the Keycloak side of a failed invitation (user %s, organization %s)", userId, orgId);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
