package io.memberhub.platform.privacy;

import io.memberhub.platform.identity.KeycloakDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Ends an erased member's login at this merchant. A member's Keycloak account is the person's, shared
 * by every merchant they are a member of (see memberlogin/): it is deleted only when this merchant
 * was the last one and the account has no platform role; otherwise it only leaves this merchant's
 * organization, so the person's memberships elsewhere keep working.
 */
@ApplicationScoped
class MemberLoginRelease {

    /** What happened to the login, as the erasure records it. */
    enum Outcome { NONE, DELETED, LEFT_MERCHANT, UNLINKED }

    private static final List<String> PLATFORM_ROLES = List.of("developer", "platform-admin");

    @Inject
    KeycloakDirectory directory;

    /**
     * @param staffHere the login is also this merchant's staff: it stays in the organization and is
     *                  only unlinked from the member
     */
    Outcome release(String organizationId, String userId, boolean staffHere) {
        if (userId == null) {
            return Outcome.NONE;
        }
        if (staffHere) {
            return Outcome.UNLINKED;
        }
        directory.removeMember(organizationId, userId);
        if (!directory.organizationsOf(userId).isEmpty()
                || directory.realmRolesOf(userId).stream().anyMatch(PLATFORM_ROLES::contains)) {
            return Outcome.LEFT_MERCHANT;
        }
        directory.deleteUser(userId);
        return Outcome.DELETED;
    }
}
