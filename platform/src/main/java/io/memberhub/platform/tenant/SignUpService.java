package io.memberhub.platform.tenant;

import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Merchant sign-up: a Keycloak organization, the owner's login in it, then the tenant and owner
 * rows. Keycloak and PostgreSQL share no transaction, so each step that fails undoes the Keycloak
 * steps before it: a sign-up either exists completely or not at all.
 */
@ApplicationScoped
public class SignUpService {

    private static final Logger LOG = Logger.getLogger(SignUpService.class);

    @Inject
    KeycloakDirectory directory;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantCreation creation;

    public Tenant signUp(SignUpRequest request) {
        String slug = request.slug();
        String email = request.ownerEmail().trim().toLowerCase(Locale.ROOT);
        if (tenants.findBySlug(slug).isPresent()) {
            throw slugTaken(slug);
        }
        if (directory.findUserIdByEmail(email).isPresent()) {
            throw emailTaken();
        }
        String organizationId = directory.createOrganization(slug, request.merchantName().trim());
        String userId = null;
        try {
            userId = directory.createUser(email, request.ownerPassword(), false);
            directory.addMember(organizationId, userId);
            return creation.create(TenantBound.of(UUID.randomUUID()), slug, request.merchantName().trim(),
                    organizationId, userId, email);
        } catch (RuntimeException failure) {
            undo(organizationId, userId);
            if (UniqueViolation.of(failure, "tenant_slug_uq")) {
                throw slugTaken(slug);
            }
            throw failure;
        }
    }

    private void undo(String organizationId, String userId) {
        try {
            if (userId != null) {
                directory.deleteUser(userId);
            }
            directory.deleteOrganization(organizationId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not undo a failed sign-up in Keycloak (organization %s, user %s)", organizationId, userId);
        }
    }

    private static ProblemException slugTaken(String slug) {
        return ProblemException.conflict("TENANT_SLUG_TAKEN", "The merchant slug '" + slug + "' is taken");
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("EMAIL_TAKEN", "An account with this email already exists");
    }
}
