package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market's publishing side in the console: a developer registers, signs in, registers a key and
 * uploads versions signed on their own machine with openssl (the console never sees the private
 * key); a platform operator reviews them; a merchant finds the module, enables it and later upgrades,
 * seeing the permissions the new version adds; the developer sees how many merchants run it.
 */
@QuarkusTest
class DeveloperAndOperatorPagesTest {

    private static final Pattern KEY_ID = Pattern.compile("data-key=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI console;

    @TempDir
    Path dir;

    @Test
    void aSignedVersionIsUploadedReviewedEnabledAndUpgraded() throws Exception {
        String id = "tickets-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "dev-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Browser developer = new Browser();

        // Registration: the platform's refusal next to its field, then the developer signs in through Keycloak.
        Browser.Page refused = developer.post(console.resolve("/developers/sign-up"), Map.of("name", "Ticket Works", "email", email, "password", "short"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"password\"").contains("value=\"" + email + "\"");
        Browser.Page signIn = developer.post(console.resolve("/developers/sign-up"),
                Map.of("name", "Ticket Works", "email", email, "password", "developer-pass-1"));
        assertThat(signIn.isKeycloakLogin()).isTrue();
        Browser.Page area = developer.signIn(signIn, email, "developer-pass-1");
        assertThat(area.uri().getPath()).isEqualTo("/console/developer");
        assertThat(area.body()).contains("我的模块").contains("data-developer=\"" + email + "\"");
        assertThat(developer.get(console.resolve("/console")).uri().getPath()).as("a developer's home is their area").isEqualTo("/console/developer");

        // A signing key made with openssl; a key that is none is refused next to its field, what was typed kept.
        openssl("openssl genpkey -algorithm ed25519 -out dev.key && openssl pkey -in dev.key -pubout -out dev.pub");
        Browser.Page badKey = developer.post(console.resolve("/console/developer/keys"), Map.of("publicKey", "not a key", "label", "laptop"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body()).contains("data-field=\"publicKey\"").contains(">not a key</textarea>");
        Browser.Page keys = developer.post(console.resolve("/console/developer/keys"),
                Map.of("publicKey", Files.readString(dir.resolve("dev.pub")), "label", "laptop"));
        Matcher key = KEY_ID.matcher(keys.body());
        assertThat(key.find()).as("the registered key is listed:%n%s", keys.body()).isTrue();
        String keyId = key.group(1);

        // A wrong signature is refused with the platform's reason next to the signature field.
        Path v1 = write("module.zip", TestModules.pack(dir, id, "1.0.0", "Tickets", List.of("storage")));
        Path other = write("other.zip", TestModules.pack(dir, id + "-other", "1.0.0", "Tickets", List.of("storage")));
        String wrong = openssl("openssl pkeyutl -sign -rawin -inkey dev.key -in other.zip | base64 -w0");
        Browser.Page wrongUpload = upload(developer, v1, keyId, wrong, null);
        assertThat(wrongUpload.status()).isEqualTo(422);
        assertThat(wrongUpload.body()).contains("data-field=\"signature\"").contains(wrong).doesNotContain("data-module=\"" + id + "\"");

        // Signed as the page shows (base64 text), the version awaits review.
        String signature = openssl("openssl pkeyutl -sign -rawin -inkey dev.key -in module.zip | base64 -w0");
        Browser.Page uploaded = upload(developer, v1, keyId, signature, null);
        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.body()).contains("data-module=\"" + id + "\"").contains("data-version=\"1.0.0\" data-status=\"SUBMITTED\"")
                .contains("待审核");
        assertThat(upload(developer, v1, keyId, signature, null).body()).as("versions never change")
                .contains("data-field=\"package\"");

        // The operator signs in to the review, sees the manifest and the developer, and publishes.
        Browser operator = new Browser();
        Browser.Page review = operator.signIn(operator.get(console.resolve("/console")), MarketPeople.operator(), MarketPeople.PASSWORD);
        assertThat(review.uri().getPath()).isEqualTo("/console/operator/review");
        assertThat(review.body()).contains("data-review=\"" + id + "\"").contains("data-developer=\"" + email + "\"").contains("<code>storage</code>");
        Browser.Page noReason = operator.post(console.resolve("/console/operator/review/" + id + "/1.0.0/rejection"), Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("data-field=\"reason\"");
        Browser.Page published = operator.post(console.resolve("/console/operator/review/" + id + "/1.0.0/publication"), Map.of());
        assertThat(published.body()).contains("已发布 " + id + " 1.0.0").doesNotContain("data-review=\"" + id + "\"");
        assertThat(developer.get(console.resolve("/console/operator/review")).status()).as("developers review nothing").isEqualTo(403);

        // A merchant finds and enables it.
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        Browser merchant = new Browser();
        merchant.signIn(merchant.get(console.resolve("/console")), owner.email(), owner.password());
        assertThat(merchant.get(console.resolve("/console/market")).body()).contains("data-module=\"" + id + "\"");
        Browser.Page enabled = merchant.post(console.resolve("/console/market/" + id + "/enablement"), Map.of("settings", "1"));
        assertThat(enabled.body()).contains("data-status=\"ENABLED\"").doesNotContain("data-upgrade=");

        // Version 1.1.0 asks for one more permission; signed raw (a .sig file without base64), published by the operator.
        Path v2 = write("module.zip", TestModules.pack(dir, id, "1.1.0", "Tickets", List.of("storage", "members:read")));
        openssl("openssl pkeyutl -sign -rawin -inkey dev.key -in module.zip -out module.zip.sig");
        assertThat(upload(developer, v2, keyId, "", Files.readAllBytes(dir.resolve("module.zip.sig"))).body())
                .contains("data-version=\"1.1.0\" data-status=\"SUBMITTED\"");
        operator.post(console.resolve("/console/operator/review/" + id + "/1.1.0/publication"), Map.of());

        // The merchant is offered the upgrade with the new permission, and upgrades.
        Browser.Page offer = merchant.get(console.resolve("/console/market/" + id));
        assertThat(offer.body()).contains("data-upgrade=\"1.1.0\"").contains("data-permission=\"members:read\"")
                .doesNotContain("data-permission=\"storage\"");
        Browser.Page upgraded = merchant.post(console.resolve("/console/market/" + id + "/enablement"), Map.of("upgrade", "1.1.0"));
        assertThat(upgraded.body()).contains("data-status=\"ENABLED\"").doesNotContain("data-upgrade=");
        assertThat(PlatformCalls.call("GET", "/api/v1/plugins", PlatformCalls.staffToken(owner.email(), owner.password()), null, 200)
                .findValues("enabledVersion").toString()).contains("1.1.0");

        // The developer sees the review and who runs which version (counts only), in English on request.
        Browser.Page mine = developer.get(console.resolve("/console/developer"));
        assertThat(mine.body()).contains("data-version=\"1.1.0\" data-status=\"PUBLISHED\"").contains("共 1 个商户在用");
        developer.get(console.resolve("/language/en?back=/console/developer"));
        assertThat(developer.get(console.resolve("/console/developer")).body()).contains("My modules").contains("1 merchants in all");
    }

    @Test
    void staffWhoAreNeitherDeveloperNorOperatorAreToldSo() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        Browser merchant = new Browser();
        merchant.signIn(merchant.get(console.resolve("/console")), owner.email(), owner.password());

        Browser.Page developerArea = merchant.get(console.resolve("/console/developer"));
        assertThat(developerArea.status()).isEqualTo(403);
        assertThat(developerArea.body()).contains("data-not-developer").contains("href=\"/developers/sign-up\"");
        Browser.Page review = merchant.get(console.resolve("/console/operator/review"));
        assertThat(review.status()).isEqualTo(403);
        assertThat(review.body()).contains("data-not-operator");
    }

    private Browser.Page upload(Browser developer, Path pack, String keyId, String signature, byte[] signatureFile) throws IOException {
        Map<String, Map.Entry<String, byte[]>> files = signatureFile == null
                ? Map.of("package", Map.entry("module.zip", Files.readAllBytes(pack)))
                : Map.of("package", Map.entry("module.zip", Files.readAllBytes(pack)), "signatureFile", Map.entry("module.zip.sig", signatureFile));
        return developer.postMultipart(console.resolve("/console/developer/packages"), Map.of("keyId", keyId, "signature", signature), files);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Runs a command in the test's directory as a developer would in a shell; answers what it printed. */
    private String openssl(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor()).as("%s: %s", command, out).isZero();
        return out.strip();
    }
}
