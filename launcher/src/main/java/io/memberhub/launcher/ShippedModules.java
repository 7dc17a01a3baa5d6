package io.memberhub.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts the modules this repository builds (industry packs, integrations) into the local market, so
 * a merchant trying MemberHub on their own machine finds them in the console's module market. They
 * are uploaded the way any developer's are (signed, through the market API) by a local developer
 * account, with a signing key made for this start and revoked after it; a version already in the
 * market is left as it is.
 */
final class ShippedModules {

    static final String DEVELOPER_EMAIL = "modules@memberhub.local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final String keycloak;
    private final Path home;
    private final HttpClient http = HttpClient.newHttpClient();

    ShippedModules(String api, String keycloak, Path home) {
        this.api = api;
        this.keycloak = keycloak;
        this.home = home;
    }

    /** Uploads every {@code plugins/<name>/target/*-market.zip}; answers how many versions were new. */
    int publish(Path repo) throws IOException, InterruptedException, GeneralSecurityException {
        List<Path> packages = packages(repo.resolve("plugins"));
        if (packages.isEmpty()) {
            return 0;
        }
        String token = developerToken();
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JsonNode key = expect(send("POST", "/api/v1/market/developer/keys", token, "application/json",
                JSON.writeValueAsBytes(Map.of("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), "label", "run command")),
                Map.of()), 201, "register a signing key");
        String keyId = key.get("id").asText();
        int published = 0;
        try {
            for (Path pack : packages) {
                byte[] bytes = Files.readAllBytes(pack);
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(keys.getPrivate());
                signer.update(bytes);
                HttpResponse<String> upload = send("POST", "/api/v1/market/developer/packages", token, "application/zip", bytes, Map.of(
                        "Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + ":",
                        "X-MemberHub-Key-Id", keyId,
                        "X-MemberHub-Signature", Base64.getEncoder().encodeToString(signer.sign())));
                if (upload.statusCode() == 201) {
                    published++;
                } else if (upload.statusCode() != 409) {
                    System.err.println("    module " + pack.getFileName() + " was not published: HTTP " + upload.statusCode() + " " + upload.body());
                }
            }
        } finally {
            send("DELETE", "/api/v1/market/developer/keys/" + keyId, token, "application/json", new byte[0], Map.of());
        }
        return published;
    }

    private static List<Path> packages(Path plugins) throws IOException {
        if (!Files.isDirectory(plugins)) {
            return List.of();
        }
        try (Stream<Path> found = Files.walk(plugins, 3)) {
            return found.filter(p -> p.getFileName().toString().endsWith("-market.zip") && p.getParent().getFileName().toString().equals("target"))
                    .sorted().toList();
        }
    }

    /** Registers the local developer on the first start (its password kept beside the data), signs in later. */
    private String developerToken() throws IOException, InterruptedException {
        Path secret = home.resolve("market-developer.password");
        if (!Files.exists(secret)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(secret, HexFormat.of().formatHex(random));
        }
        String password = Files.readString(secret).strip();
        HttpResponse<String> registered = send("POST", "/api/v1/market/developers", null, "application/json",
                JSON.writeValueAsBytes(Map.of("name", "MemberHub", "email", DEVELOPER_EMAIL, "password", password)), Map.of());
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            expect(registered, 201, "register the local module developer");
        }
        String form = "grant_type=password&client_id=memberhub-api&username=" + URLEncoder.encode(DEVELOPER_EMAIL, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/memberhub/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return expect(token, 200, "sign the local module developer in (delete " + secret + " and ~/.memberhub/data to start afresh)")
                .get("access_token").asText();
    }

    private HttpResponse<String> send(String method, String path, String token, String type, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", type)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
