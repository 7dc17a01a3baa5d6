package io.memberhub.platform.identity;

import io.memberhub.platform.observability.OutageLog;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The platform's view of Keycloak: tenants are organizations in one realm, and people are users
 * who belong to them. Every failure comes back as a {@link ProblemException}, so callers can
 * compensate and answer clearly.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    /** An outage fails every sign-in alike: one stack trace a minute, with a count of the rest. */
    private final OutageLog outages = new OutageLog(LOG, "Keycloak", Duration.ofMinutes(1));

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "memberhub.keycloak.realm")
    String realm;

    public String createOrganization(String alias, String name) {
        var org = new OrganizationRepresentation();
        org.setAlias(alias);
        org.setName(alias);
        org.setDescription(name);
        org.setEnabled(true);
        return call("create organization " + alias, () -> {
            try (Response response = realm().organizations().create(org)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("TENANT_SLUG_TAKEN", "The merchant slug '" + alias + "' is taken");
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    public void deleteOrganization(String organizationId) {
        call("delete organization " + organizationId, () -> {
            try (Response ignored = realm().organizations().get(organizationId).delete()) {
                return null;
            }
        });
    }

    /** Creates a login for {@code email}; a temporary password must be changed at first sign-in. */
    public String createUser(String email, String password, boolean temporaryPassword) {
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(temporaryPassword);
        var user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(false);
        user.setEnabled(true);
        user.setCredentials(List.of(credential));
        return call("create user", () -> {
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("EMAIL_TAKEN", "An account with this email already exists");
                }
                if (response.getStatus() == 400) {
                    throw ProblemException.invalidField("password", "does not meet the password policy");
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    public Optional<String> findUserIdByEmail(String email) {
        return call("find user", () -> realm().users().searchByEmail(email, true).stream()
                .map(UserRepresentation::getId)
                .findFirst());
    }

    /**
     * The login of the person with this phone, created (without a password) the first time they sign
     * in to any merchant: one account per person, shared by every merchant they are a member of.
     */
    public String memberLogin(String phone) {
        return call("find or create the member login", () -> {
            Optional<String> existing = realm().users().search(phone, true).stream()
                    .map(UserRepresentation::getId).findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            var user = new UserRepresentation();
            user.setUsername(phone);
            user.setEnabled(true);
            user.setAttributes(java.util.Map.of("phone", List.of(phone)));
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    // Created by a concurrent first sign-in.
                    return realm().users().search(phone, true).getFirst().getId();
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    /** Lets the person also sign in with {@code email}; 409 EMAIL_TAKEN when another account has it. */
    public void setEmail(String userId, String email) {
        call("set the sign-in email", () -> {
            var user = realm().users().get(userId).toRepresentation();
            if (email.equalsIgnoreCase(user.getEmail())) {
                return null;
            }
            user.setEmail(email);
            user.setEmailVerified(false);
            try {
                realm().users().get(userId).update(user);
            } catch (jakarta.ws.rs.ClientErrorException e) {
                if (e.getResponse().getStatus() == 409) {
                    throw ProblemException.conflict("EMAIL_TAKEN", "Another account signs in with " + email);
                }
                throw e;
            }
            return null;
        });
    }

    /** Sets a member's own password; one the realm's policy refuses is a 400 on {@code password}. */
    public void setPassword(String userId, String password) {
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        call("set the password", () -> {
            try {
                realm().users().get(userId).resetPassword(credential);
            } catch (jakarta.ws.rs.BadRequestException e) {
                throw ProblemException.invalidField("password", "does not meet the password policy");
            }
            return null;
        });
    }

    /**
     * A confidential client for one device or integration of a merchant: client-credentials only,
     * its tokens carrying the merchant (the organization claim) and the device id, for the platform's
     * audience. Returns the client secret, which is shown once.
     */
    public String createDeviceClient(String clientId, String merchant, String deviceId) {
        var client = new org.keycloak.representations.idm.ClientRepresentation();
        client.setClientId(clientId);
        client.setName("Device " + deviceId + " of " + merchant);
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setProtocolMappers(List.of(
                mapper("platform-audience", "oidc-audience-mapper", java.util.Map.of("included.client.audience", "memberhub-platform")),
                mapper("merchant", "oidc-hardcoded-claim-mapper", java.util.Map.of("claim.name", "organization",
                        "claim.value", "[\"" + merchant + "\"]", "jsonType.label", "JSON")),
                mapper("device", "oidc-hardcoded-claim-mapper", java.util.Map.of("claim.name", "memberhub_device",
                        "claim.value", deviceId, "jsonType.label", "String"))));
        return call("create the device's client", () -> {
            try (Response response = realm().clients().create(client)) {
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException(response.getStatus());
                }
                return realm().clients().get(CreatedResponseUtil.getCreatedId(response)).getSecret().getValue();
            }
        });
    }

    /** A new secret for a device's client; the old one stops working for new tokens at once. */
    public String rotateClientSecret(String clientId) {
        return call("rotate the device's secret", () -> realm().clients().get(clientUuid(clientId)).generateNewSecret().getValue());
    }

    public void deleteClient(String clientId) {
        call("delete the device's client", () -> {
            realm().clients().findByClientId(clientId).forEach(c -> realm().clients().get(c.getId()).remove());
            return null;
        });
    }

    private String clientUuid(String clientId) {
        return realm().clients().findByClientId(clientId).stream().findFirst()
                .orElseThrow(() -> new WebApplicationException(404)).getId();
    }

    private static org.keycloak.representations.idm.ProtocolMapperRepresentation mapper(String name, String type,
                                                                                       java.util.Map<String, String> config) {
        var mapper = new org.keycloak.representations.idm.ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        var all = new java.util.HashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("id.token.claim", "false");
        all.put("introspection.token.claim", "true");
        mapper.setConfig(all);
        return mapper;
    }

    /** Gives a login a realm role such as {@code developer}: platform-wide, not tied to a merchant. */
    public void grantRealmRole(String userId, String role) {
        call("grant role " + role, () -> {
            var representation = realm().roles().get(role).toRepresentation();
            realm().users().get(userId).roles().realmLevel().add(List.of(representation));
            return null;
        });
    }

    public void deleteUser(String userId) {
        call("delete user " + userId, () -> {
            try (Response ignored = realm().users().delete(userId)) {
                return null;
            }
        });
    }

    public void addMember(String organizationId, String userId) {
        call("add organization member", () -> {
            try (Response response = realm().organizations().get(organizationId).members().addMember(userId)) {
                if (response.getStatus() >= 300 && response.getStatus() != 409) {
                    throw new WebApplicationException(response.getStatus());
                }
                return null;
            }
        });
    }

    /** The organizations (merchants) a login belongs to, by id. */
    public List<String> organizationsOf(String userId) {
        return call("list the login's organizations", () -> realm().organizations().members().getOrganizations(userId, true).stream()
                .map(OrganizationRepresentation::getId).toList());
    }

    /** The realm roles a login holds directly (e.g. {@code developer}, {@code platform-admin}). */
    public List<String> realmRolesOf(String userId) {
        return call("list the login's roles", () -> realm().users().get(userId).roles().realmLevel().listAll().stream()
                .map(org.keycloak.representations.idm.RoleRepresentation::getName).toList());
    }

    public void removeMember(String organizationId, String userId) {
        call("remove organization member", () -> {
            try (Response ignored = realm().organizations().get(organizationId).members().removeMember(userId)) {
                return null;
            }
        });
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException | ProcessingException e) {
            outages.failed(what, e);
            throw ProblemException.unavailable("IDENTITY_UNAVAILABLE",
                    "The identity service could not " + what + "; nothing was changed, try again shortly");
        }
    }
}
