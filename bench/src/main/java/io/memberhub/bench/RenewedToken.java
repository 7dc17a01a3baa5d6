package io.memberhub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bearer token from Keycloak's token endpoint, fetched again every minute, so that a long phase
 * never sends one past Keycloak's lifespan: a device's (client credentials) or a person's (password).
 */
final class RenewedToken {

    private static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI tokenUrl;
    private final String form;
    private String value;
    private Instant renewAt = Instant.EPOCH;

    private RenewedToken(String tokenUrl, String form) {
        this.tokenUrl = URI.create(tokenUrl);
        this.form = form;
    }

    static RenewedToken device(String tokenUrl, String clientId, String clientSecret) {
        return new RenewedToken(tokenUrl, "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret));
    }

    /** A staff member's or owner's token for the platform's API, as the console signs them in. */
    static RenewedToken person(String tokenUrl, String username, String password) {
        return new RenewedToken(tokenUrl, passwordForm(username, password));
    }

    /** The form of a password grant for the platform's API client. */
    static String passwordForm(String username, String password) {
        return "grant_type=password&client_id=memberhub-api&scope=organization&username=" + encode(username) + "&password=" + encode(password);
    }

    synchronized String get() throws Exception {
        if (Instant.now().isAfter(renewAt)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokenUrl)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("No token from " + tokenUrl + ": " + response.statusCode() + " " + response.body());
            }
            value = m.group(1);
            renewAt = Instant.now().plusSeconds(60);
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
