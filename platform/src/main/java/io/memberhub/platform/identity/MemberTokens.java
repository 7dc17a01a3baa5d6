package io.memberhub.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.observability.OutageLog;
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
    /** An outage fails every sign-in alike: one stack trace a minute, with a count of the rest. */
    private final OutageLog outages = new OutageLog(LOG, "Keycloak", Duration.ofMinutes(1));

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

    @ConfigProperty(name = "memberhub.keycloak.api-client-id", defaultValue = "memberhub-api")
    String publicClient;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A token for the Keycloak user {@code userId} that names one merchant (organization alias): an
     * app signs in to one merchant, and its token cannot act at another the person also belongs to.
     */
    public Tokens forUser(String userId, String merchant) {
        impersonation.ensureAllowed();
        return request("member token", Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "client_id", clientId,
                "client_secret", clientSecret,
                "requested_subject", userId,
                "requested_token_type", "urn:ietf:params:oauth:token-type:refresh_token",
                "scope", "openid organization:" + merchant), false).orElseThrow(MemberTokens::unavailable);
    }

    /**
     * Keycloak's password grant for a member (the public client, with its brute-force protection),
     * or empty when Keycloak refused: wrong password, unknown account or an account locked after
     * too many failures, which Keycloak does not tell apart and neither do we.
     */
    public java.util.Optional<Tokens> withPassword(String username, String password, String merchant) {
        return request("member password login", Map.of(
                "grant_type", "password",
                "client_id", publicClient,
                "username", username,
                "password", password,
                "scope", "openid organization:" + merchant), true);
    }

    /** One call of the token endpoint; empty if Keycloak refused the grant and {@code refusalIsAnswer}. */
    private java.util.Optional<Tokens> request(String what, Map<String, String> params, boolean refusalIsAnswer) {
        String form = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (refusalIsAnswer && (response.statusCode() == 400 || response.statusCode() == 401)) {
                return java.util.Optional.empty();
            }
            if (response.statusCode() != 200) {
                LOG.errorf("Keycloak refused a %s (%d): %s", what, response.statusCode(), response.body());
                throw unavailable();
            }
            JsonNode body = json.readTree(response.body());
            return java.util.Optional.of(new Tokens(body.path("access_token").asText(), body.path("expires_in").asLong(),
                    body.path("refresh_token").asText(null), body.path("refresh_expires_in").asLong(), "Bearer"));
        } catch (IOException e) {
            outages.failed("be reached for a " + what, e);
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** The subject (Keycloak user id) of a token Keycloak has just handed us over the back channel. */
    public String subjectOf(Tokens tokens) {
        try {
            String payload = tokens.accessToken().split("\\.")[1];
            return json.readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Keycloak returned an unreadable token", e);
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("IDENTITY_UNAVAILABLE", "Signing in is not possible at the moment; try again shortly");
    }
}
