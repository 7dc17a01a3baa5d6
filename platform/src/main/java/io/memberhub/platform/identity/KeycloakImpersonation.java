package io.memberhub.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;

/**
 * Grants the platform's client, and no other, the right to obtain tokens for members (Keycloak's
 * "impersonate" user permission, fine-grained admin permissions v1). The realm file cannot express
 * this permission, so it is set through the admin API the first time a member token is needed,
 * idempotently, on every start.
 */
@ApplicationScoped
public class KeycloakImpersonation {

    private static final Logger LOG = Logger.getLogger(KeycloakImpersonation.class);
    private static final String POLICY = "memberhub-platform-issues-member-tokens";

    @Inject
    Keycloak keycloak;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "memberhub.keycloak.url")
    String keycloakUrl;

    @ConfigProperty(name = "memberhub.keycloak.realm")
    String realm;

    @ConfigProperty(name = "memberhub.keycloak.admin-client-id")
    String platformClient;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean allowed;

    void ensureAllowed() {
        if (allowed) {
            return;
        }
        synchronized (this) {
            if (allowed) {
                return;
            }
            try {
                String impersonate = send("PUT", "/users-management-permissions", "{\"enabled\":true}")
                        .path("scopePermissions").path("impersonate").asText();
                String management = clientUuid("realm-management");
                String authz = "/clients/" + management + "/authz/resource-server";
                String policy = policyId(authz, clientUuid(platformClient));
                JsonNode attached = send("GET", authz + "/policy/" + impersonate + "/associatedPolicies", null);
                boolean present = false;
                for (JsonNode p : attached) {
                    present |= policy.equals(p.path("id").asText());
                }
                if (!present) {
                    ObjectNode permission = (ObjectNode) send("GET", authz + "/permission/scope/" + impersonate, null);
                    permission.putArray("policies").add(policy);
                    send("PUT", authz + "/permission/scope/" + impersonate, json.writeValueAsString(permission));
                    LOG.infof("Keycloak: %s may now issue member tokens", platformClient);
                }
                allowed = true;
            } catch (IOException e) {
                LOG.error("Could not set up member token issuing in Keycloak", e);
                throw ProblemException.unavailable("IDENTITY_UNAVAILABLE", "Signing in is not possible at the moment; try again shortly");
            }
        }
    }

    private String policyId(String authz, String clientUuid) throws IOException {
        JsonNode found = send("GET", authz + "/policy/search?name=" + URLEncoder.encode(POLICY, StandardCharsets.UTF_8), null);
        if (found != null && found.hasNonNull("id")) {
            return found.get("id").asText();
        }
        ObjectNode policy = json.createObjectNode();
        policy.put("name", POLICY);
        policy.put("description", "The MemberHub platform obtains tokens for members it has verified (SMS codes, third-party logins)");
        policy.put("logic", "POSITIVE");
        policy.putArray("clients").add(clientUuid);
        return send("POST", authz + "/policy/client", json.writeValueAsString(policy)).path("id").asText();
    }

    private String clientUuid(String clientId) throws IOException {
        return send("GET", "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null).path(0).path("id").asText();
    }

    /** One admin API call as the platform's service account; the JSON answer, or null for an empty one. */
    private JsonNode send(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
