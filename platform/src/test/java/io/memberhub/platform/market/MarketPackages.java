package io.memberhub.platform.market;

import static io.restassured.RestAssured.given;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.memberhub.platform.plugin.TestPlugins;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What a plugin developer does from their build: register, hold a key, zip and sign a package, upload it. */
public final class MarketPackages {

    /** A points earn rule adding the merchant's {@code perOrder} setting to every order; its {@code apiSecret} setting is a SECRET. */
    static final String BONUS = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Bonus implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    return Long.parseLong(context.config().get("perOrder"));
                }
            }
            """;
    static final byte[] ICON = {(byte) 0x89, 'P', 'N', 'G'};

    private MarketPackages() {
    }

    /** A package of the bonus plugin, built under {@code build}, with the manifest of {@link #manifest}. */
    static byte[] pack(Path build, String id, String version, String requires) throws IOException {
        return zip(manifest(id, version, requires), pluginJar(build, id, version, requires), Map.of("icon.png", ICON));
    }

    static byte[] pluginJar(Path build, String id, String version, String requires) throws IOException {
        Path dir = Files.createDirectories(build.resolve(id + "-" + version + "-" + Math.abs(requires.hashCode())));
        return Files.readAllBytes(TestPlugins.build(dir, TestPlugins.Spec.of(id, "Bonus", BONUS).requiring(requires)
                .with("Plugin-Version", version).with("Plugin-Config-Required", "perOrder").with("Plugin-Config-Optional", "apiSecret")));
    }

    /** A registered developer with a token and one registered signing key. */
    record Developer(String token, String keyId, KeyPair keys) {

        static Developer register() {
            String email = "dev-" + UUID.randomUUID() + "@plugins.test";
            given().contentType("application/json")
                    .body(Map.of("name", "Dev " + email.substring(4, 12), "email", email, "password", Merchants.PASSWORD))
                    .post("/api/v1/market/developers").then().statusCode(201);
            String token = Merchants.token(email, Merchants.PASSWORD);
            KeyPair keys = newKeys();
            String keyId = Merchants.as(token)
                    .body(Map.of("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), "label", "laptop"))
                    .post("/api/v1/market/developer/keys").then().statusCode(201).extract().path("id");
            return new Developer(token, keyId, keys);
        }

        /** Uploads {@code pack} signed with this developer's key. */
        ValidatableResponse upload(byte[] pack) {
            return upload(pack, digest(pack), keyId, sign(keys, pack));
        }

        ValidatableResponse upload(byte[] pack, String digest, String keyId, String signature) {
            var request = given().auth().oauth2(token).contentType("application/zip").accept("application/json").body(pack);
            if (digest != null) {
                request.header("Content-Digest", digest);
            }
            if (keyId != null) {
                request.header("X-MemberHub-Key-Id", keyId);
            }
            if (signature != null) {
                request.header("X-MemberHub-Signature", signature);
            }
            return request.post("/api/v1/market/developer/packages").then();
        }
    }

    static KeyPair newKeys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(KeyPair keys, byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(byte[] bytes) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bonus module {@code id} 1.0.0 uploaded by a new developer and published by a platform
     * operator: merchants can enable it with {@code perOrder} and the SECRET {@code apiSecret}.
     */
    public static void publishBonusModule(Path build, String id) throws IOException {
        Developer developer = Developer.register();
        developer.upload(pack(build, id, "1.0.0", "^1.0.0")).statusCode(201);
        Merchants.as(KeycloakAdminAccess.platformAdminToken()).post("/api/v1/market/review/versions/" + id + "/1.0.0/publication")
                .then().statusCode(200);
    }

    /** A package: manifest.json, plugin.jar and any further entries, in this order. */
    public static byte[] zip(String manifestJson, byte[] pluginJar, Map<String, byte[]> more) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifestJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        entries.put("plugin.jar", pluginJar);
        entries.putAll(more);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String manifest(String id, String version, String requires) {
        return """
                {"id": "%s", "name": "Bonus points %s", "description": "Extra points on every order, set per merchant.",
                 "category": "LOYALTY", "icon": "icon.png", "screenshots": ["https://example.com/shot.png"],
                 "version": "%s", "requires": "%s", "permissions": ["points:write", "storage"],
                 "config": [{"key": "perOrder", "label": "Points per order", "type": "NUMBER", "required": true},
                            {"key": "apiSecret", "label": "API secret", "type": "SECRET"}],
                 "priceMinor": 0}
                """.formatted(id, id, version, requires);
    }
}
