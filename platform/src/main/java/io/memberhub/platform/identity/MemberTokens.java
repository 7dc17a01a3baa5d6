package io.memberhub.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keycloak tokens for members whose proof of identity the platform checked itself (an SMS code, a
 * WeChat code): the platform's confidential client exchanges for a token of that user (Keycloak's
 * impersonation token exchange), with the organization claim, so the token works like one from a
 * password login. Only the platform's client may do this (see {@link KeycloakImpersonation}).
 */
@ApplicationScoped
public class MemberTokens {

    private static final Logger LOG = Logger.getLogger(MemberTokens.class);

    /** What an app keeps: the access token, when it runs out, and the refresh token. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn, String tokenType) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    KeycloakImpersonation impersonation;

    @ConfigProperty(name = "memberhub.keycloak.url")
    String keycloakUrl;

    @ConfigProperty(name = "memberhub.keycloak.realm")
    String realm;

    @ConfigProperty(name = "memberhub.keycloak.admin-client-id")
    String clientId;

    @ConfigProperty(name = "memberhub.keycloak.admin-client-secret", defaultValue = "")
    String clientSecret;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A token for the Keycloak user {@code userId} that names one merchant (organization alias): an
     * app signs in to one merchant, and its token cannot act at another the person also belongs to.
     */
    public Tokens forUser(String userId, String merchant) {
        impersonation.ensureAllowed();
        String form = Map.of(
                        "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                        "client_id", clientId,
                        "client_secret", clientSecret,
                        "requested_subject", userId,
                        "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token",
                        "scope", "openid organization:" + merchant).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.errorf("Keycloak refused a member token (%d): %s", response.statusCode(), response.body());
                throw unavailable();
            }
            JsonNode body = json.readTree(response.body());
            return new Tokens(body.path("access_token").asText(), body.path("expires_in").asLong(),
                    body.path("refresh_token").asText(null), body.path("refresh_expires_in").asLong(), "Bearer");
        } catch (IOException e) {
            LOG.error("Keycloak could not be reached for a member token", e);
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("IDENTITY_UNAVAILABLE", "Signing in is not possible at the moment; try again shortly");
    }
}
