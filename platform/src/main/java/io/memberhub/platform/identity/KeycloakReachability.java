package io.memberhub.platform.identity;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Keycloak's signing keys (the realm's JWKS) can be fetched, for operators at
 * {@code /q/health/well}. Deliberately not a readiness check: tokens are verified with keys already
 * fetched, so an instance keeps serving while Keycloak is away, and failing readiness on every
 * instance at once would turn a Keycloak outage into a full API outage. Answers are kept a few
 * seconds so that frequent probing does not load Keycloak.
 */
@Wellness
@ApplicationScoped
public class KeycloakReachability implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long KEEP_MILLIS = 10_000;

    private record Seen(HealthCheckResponse response, long at) {
    }

    @ConfigProperty(name = "memberhub.keycloak.url")
    String keycloakUrl;

    @ConfigProperty(name = "memberhub.keycloak.realm")
    String realm;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Seen last;

    @Override
    public HealthCheckResponse call() {
        Seen seen = last;
        long now = System.currentTimeMillis();
        if (seen == null || now - seen.at() > KEEP_MILLIS) {
            seen = new Seen(check(), now);
            last = seen;
        }
        return seen.response();
    }

    private HealthCheckResponse check() {
        String jwks = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/certs";
        var response = HealthCheckResponse.named("Keycloak signing keys").withData("url", jwks);
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(jwks)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                    .build();
        }
    }
}
