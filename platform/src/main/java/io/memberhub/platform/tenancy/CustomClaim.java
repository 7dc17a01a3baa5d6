package io.memberhub.platform.tenancy;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A claim MicroProfile JWT does not name (ours: the organization, the device). {@code getClaim} looks
 * every name up in its {@code Claims} enum first and throws and catches for the ones it lacks: three
 * exceptions with full stack traces on every device call. The verified claims are read directly instead.
 */
final class CustomClaim {

    private CustomClaim() {
    }

    /** The claim's value as the token carries it (a string, a list or a map), or null when absent. */
    static Object of(JsonWebToken token, String name) {
        if (token instanceof OidcJwtCallerPrincipal principal) {
            return principal.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }
}
