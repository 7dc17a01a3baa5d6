package io.memberhub.console.home;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The Keycloak realm roles an access token carries ({@code realm_access.roles}): module developers
 * ({@code developer}) and platform operators ({@code platform-admin}) work for no merchant and have
 * their own areas in the console. The platform checks the roles again on every call.
 */
final class RealmRoles {

    static final String DEVELOPER = "developer";
    static final String OPERATOR = "platform-admin";

    private RealmRoles() {
    }

    static List<String> of(JsonWebToken token) {
        Object access = token.getClaim("realm_access");
        if (access instanceof JsonObject object && object.get("roles") instanceof JsonArray roles) {
            return roles.stream().filter(JsonString.class::isInstance).map(r -> ((JsonString) r).getString()).toList();
        }
        return List.of();
    }

    /** Where someone who works for no merchant belongs in the console, or null: nowhere but the "not staff" page. */
    static String areaOf(JsonWebToken token) {
        List<String> roles = of(token);
        if (roles.contains(OPERATOR)) {
            return "/console/operator/review";
        }
        return roles.contains(DEVELOPER) ? "/console/developer" : null;
    }
}
