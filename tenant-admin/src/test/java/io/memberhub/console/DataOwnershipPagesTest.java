package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Data ownership through the console: the owner exports all the merchant's data from the settings
 * and downloads the archive; from a member's portrait, staff download the member's data and erase
 * it after confirming; operators are offered neither.
 */
@QuarkusTest
class DataOwnershipPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI console;

    @Test
    void theOwnerDownloadsAllDataAndErasesAMemberAfterConfirming() throws IOException {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String phone = "1390" + String.format("%07d", (int) (Math.random() * 10_000_000));
        String member = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"" + phone + "\",\"name\":\"赵六\"}", 201)
                .get("id").asText();
        String order = "order-" + UUID.randomUUID();
        PlatformCalls.callOnce(order, "POST", "/api/v1/orders", token, "{\"memberId\":\"" + member + "\",\"externalId\":\"" + order
                + "\",\"amount\":3000,\"channel\":\"shop\",\"paidAt\":\"" + Instant.now().minusSeconds(60) + "\"}", 201);

        Browser browser = new Browser();
        Browser.Page settings = browser.signIn(browser.get(console.resolve("/console/settings")), owner.email(), owner.password());
        assertThat(settings.body()).contains("data-setting=\"data-export\"").contains("导出全部数据");

        // The whole merchant: started from the settings, followed on its page, downloaded when done.
        Browser.Page exports = browser.get(console.resolve("/console/settings/data-export"));
        assertThat(exports.status()).isEqualTo(200);
        Browser.Page started = browser.post(console.resolve("/console/settings/data-export"), Map.of("key", key(exports.body())));
        assertThat(started.body()).contains("data-done=\"queued\"");
        Matcher row = Pattern.compile("data-export=\"([^\"]+)\" data-status=\"DONE\"").matcher("");
        Browser.Page done = exportsWhenDone(browser, row);
        assertThat(done.body()).contains("data-download");
        Browser.Download archive = browser.download(console.resolve("/console/settings/data-export/" + row.group(1) + "/archive"));
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.headers().firstValue("content-disposition").orElse("")).contains(owner.slug()).endsWith(".zip\"");
        Map<String, String> files = unzip(archive.body());
        assertThat(JSON.readTree(files.get("manifest.json")).at("/tables/member/rows").asLong()).isEqualTo(1);
        assertThat(files.get("member.jsonl")).contains(phone).contains("赵六");
        assertThat(files.get("member_order.jsonl")).contains(order);

        // One member: the portrait offers both requests; the download is the member's document.
        Browser.Page portrait = browser.get(console.resolve("/console/members/" + member));
        assertThat(portrait.body()).contains("data-privacy-actions=\"" + member + "\"").contains("data-member-export").contains("data-member-erasure");
        Browser.Download document = browser.download(console.resolve("/console/members/" + member + "/privacy/export"));
        assertThat(document.status()).isEqualTo(200);
        JsonNode data = JSON.readTree(document.body());
        assertThat(data.at("/profile/name").asText()).isEqualTo("赵六");
        assertThat(data.at("/records/member_order/0/external_id").asText()).isEqualTo(order);

        // The erasure asks first: without the word and a reason nothing happens, and the form says why.
        Browser.Page confirm = browser.get(console.resolve("/console/members/" + member + "/privacy/erasure"));
        assertThat(confirm.body()).contains("data-erasure-of=\"" + member + "\"").contains("不可撤销");
        String erasureKey = key(confirm.body());
        Browser.Page unconfirmed = browser.post(console.resolve("/console/members/" + member + "/privacy/erasure"),
                form("key", erasureKey, "reason", "本人来电要求", "confirm", "erase"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("data-field=\"confirm\"").contains("本人来电要求");
        PlatformCalls.call("GET", "/api/v1/members/" + member, token, null, 200);

        Browser.Page erased = browser.post(console.resolve("/console/members/" + member + "/privacy/erasure"),
                form("key", erasureKey, "reason", "本人来电要求", "confirm", "ERASE"));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.body()).contains("data-erased=\"" + member + "\"").contains("data-login=\"NONE\"").contains("个人数据已删除");
        PlatformCalls.call("GET", "/api/v1/members/" + member, token, null, 404);
        JsonNode shell = PlatformCalls.call("GET", "/api/v1/members/" + member + "/export", token, null, 200);
        assertThat(shell.get("status").asText()).isEqualTo("ERASED");
        assertThat(shell.toString()).doesNotContain("赵六").doesNotContain(phone);
        // Sent again (a reload), the same form erases nothing more and shows the same answer.
        assertThat(browser.post(console.resolve("/console/members/" + member + "/privacy/erasure"),
                form("key", erasureKey, "reason", "本人来电要求", "confirm", "ERASE")).body()).contains("data-erased=\"" + member + "\"");
    }

    @Test
    void operatorsAreOfferedNeitherAndAdminsCannotExportEverything() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String member = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000031\",\"name\":\"孙七\"}", 201).get("id").asText();
        String admin = "admin-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token, "{\"email\":\"" + admin + "\",\"role\":\"admin\",\"initialPassword\":\"admin-password-1\"}", 201);
        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token, "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);

        Browser asOperator = new Browser();
        Browser.Page portrait = asOperator.signIn(asOperator.get(console.resolve("/console/members/" + member)), operator, "operator-password-1");
        assertThat(portrait.body()).contains("孙七").doesNotContain("data-privacy-actions");

        Browser asAdmin = new Browser();
        Browser.Page adminPortrait = asAdmin.signIn(asAdmin.get(console.resolve("/console/members/" + member)), admin, "admin-password-1");
        assertThat(adminPortrait.body()).contains("data-privacy-actions");
        Browser.Page refused = asAdmin.get(console.resolve("/console/settings/data-export"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data-refused-role=\"admin\"").contains("只有所有者可以导出全部数据");
    }

    /** The export page once the export shows DONE (the platform's worker writes it in the background). */
    private Browser.Page exportsWhenDone(Browser browser, Matcher row) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Browser.Page page = browser.get(console.resolve("/console/settings/data-export"));
            if (row.reset(page.body()).find()) {
                return page;
            }
            assertThat(page.body()).as("the export is still going").doesNotContain("data-status=\"FAILED\"");
            assertThat(System.nanoTime()).as("the export finished within two minutes").isLessThan(deadline);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String key(String body) {
        Matcher m = KEY.matcher(body);
        assertThat(m.find()).as("a form key in%n%s", body).isTrue();
        return m.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Map<String, String> unzip(byte[] archive) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
