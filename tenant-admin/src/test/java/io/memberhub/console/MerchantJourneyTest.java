package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A merchant's first day in the console, in a real browser: sign up, sign in through Keycloak,
 * define levels, import members, see the dashboard, enable a module, look a member up. Each main
 * screen is photographed on the way (target/screenshots; docs/screenshots holds the committed set).
 */
@QuarkusTest
class MerchantJourneyTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void aNewMerchantSetsUpTheProgrammeAndFindsAMember() throws IOException {
        SignInTest.Owner owner = SignInTest.Owner.fresh();
        try (Chromium browser = Chromium.start()) {
            // Sign up, then Keycloak's own page, with the email filled in.
            browser.open(console.resolve("/sign-up"));
            browser.type("#merchantName", owner.merchantName());
            browser.type("#slug", owner.slug());
            browser.type("#ownerEmail", owner.email());
            browser.type("#ownerPassword", owner.password());
            browser.screenshot("01-sign-up");
            browser.click("button[type=submit]", "#kc-form-login");
            assertThat(browser.pageSource()).as("Keycloak knows who is signing in").contains(owner.email());
            browser.signInAtKeycloak(owner.email(), owner.password());
            assertThat(browser.find("[data-role]").getAttribute("data-role")).isEqualTo("owner");
            assertThat(browser.location().getPath()).isEqualTo("/console");

            // Levels: an entry level, then Gold from 1000 yuan in 12 months with a member price.
            browser.click("a[href='/console/levels']", "a[href='/console/levels/new']");
            browser.click("a[href='/console/levels/new']", "#name");
            browser.type("#name", "普通会员");
            browser.click("button[value=save]", "tr[data-level='普通会员']");
            browser.click("a[href='/console/levels/new']", "#name");
            browser.type("#name", "金卡");
            assertThat(browser.find("#rank").getAttribute("value")).as("the next rank is suggested").isEqualTo("1");
            browser.type("input[name=atLeast_0]", "abc");
            browser.click("button[value=save]", "[data-field='atLeast_0']");
            assertThat(browser.text("[data-field='atLeast_0']")).as("a refused form says what is wrong next to the field").isNotBlank();
            assertThat(browser.find("#name").getAttribute("value")).as("and keeps what was typed").isEqualTo("金卡");
            browser.type("input[name=atLeast_0]", "1000");
            browser.type("#discountPercent", "95");
            browser.click("button[value=save]", "tr[data-level='金卡']");
            assertThat(browser.text("tr[data-level='金卡']")).contains("1000").contains("95%");
            browser.screenshot("02-levels");

            // Import: one bad row among three, good rows only.
            Path csv = Files.createTempFile("members-", ".csv");
            Files.writeString(csv, "phone,name\n13800000001,韩梅梅\nnot-a-phone,坏行\n13800000002,李雷\n", StandardCharsets.UTF_8);
            browser.open(console.resolve("/console/members"));
            browser.click("a[href='/console/members/import']", "#file");
            browser.attach("#file", csv);
            browser.click("input[name=mode][value=valid]");
            browser.click("#import-submit", "#import-outcome");
            assertThat(browser.find("[data-imported]").getAttribute("data-imported")).isEqualTo("2");
            assertThat(browser.find("[data-rejected]").getAttribute("data-rejected")).isEqualTo("1");
            assertThat(browser.text("tr[data-error-row='3']")).as("the bad line is named with its reason").contains("phone");
            browser.screenshot("03-import");

            // Han Meimei buys for 1500 yuan at the till (the merchant's system calls the API): she reaches Gold.
            String token = PlatformCalls.staffToken(owner.email(), owner.password());
            JsonNode han = PlatformCalls.call("GET", "/api/v1/members?q=13800000001", token, null, 200).get("items").get(0);
            PlatformCalls.callOnce(UUID.randomUUID().toString(), "POST", "/api/v1/orders", token,
                    "{\"memberId\":\"" + han.get("id").asText() + "\",\"externalId\":\"till-1\",\"amount\":150000,\"channel\":\"store\",\"paidAt\":\""
                            + Instant.now().minusSeconds(60) + "\"}", 201);

            // The dashboard: both members, one on each level (imported members get theirs from a queued review).
            browser.open(console.resolve("/console"));
            browser.waitForText("[data-level-members='金卡']", "1");
            browser.waitForText("[data-level-members='普通会员']", "1");
            assertThat(browser.text("[data-dashboard='members']")).isEqualTo("2");
            browser.screenshot("04-dashboard");

            // A preview before changing Gold's rule: at 2000 yuan nobody would hold it; nothing is saved.
            browser.open(console.resolve("/console/levels"));
            browser.click("tr[data-level='金卡'] a", "input[name=atLeast_0]");
            browser.type("input[name=atLeast_0]", "2000");
            browser.click("button[value=preview]", "#preview");
            assertThat(browser.find("tr[data-preview-level='金卡']").getAttribute("data-would-hold")).isEqualTo("0");
            assertThat(browser.find("tr[data-preview-level='普通会员']").getAttribute("data-would-hold")).isEqualTo("2");
            browser.screenshot("05-level-preview");
            browser.open(console.resolve("/console/levels"));
            assertThat(browser.text("tr[data-level='金卡']")).as("the preview changed nothing").contains("1000");

            // The market: enable the example module with its setting.
            PlatformCalls.publish(examplePackage());
            browser.click("details[data-menu=modules] summary");
            browser.click("details[data-menu=modules] a[href='/console/market']", "[data-module='example-order-bonus']");
            browser.click("[data-module='example-order-bonus'] h2 a", "#setting-pointsPerOrder");
            browser.click(".card form button.primary", "[data-field='pointsPerOrder']");
            browser.type("#setting-pointsPerOrder", "50");
            browser.click(".card form button.primary", "[data-status='ENABLED']");
            assertThat(browser.find("[role=status]").getText()).isNotBlank();
            browser.screenshot("06-market-module");

            // Look Han Meimei up: her portrait shows Gold.
            browser.open(console.resolve("/console/members"));
            browser.type("input[name=q]", "韩");
            browser.click(".search button", "tr[data-member]");
            assertThat(browser.pageText()).contains("韩梅梅").doesNotContain("李雷");
            browser.click("tr[data-member] a", "[data-level]");
            assertThat(browser.find("[data-level]").getAttribute("data-level")).isEqualTo("金卡");
            browser.screenshot("07-member-portrait");

            // The grouped navigation reaches the loyalty, marketing and settings screens.
            browser.click("details[data-menu=loyalty] summary");
            browser.click("details[data-menu=loyalty] a[href='/console/points']", "#memberDay");
            browser.screenshot("08-points");
            browser.click("details[data-menu=marketing] summary");
            browser.click("details[data-menu=marketing] a[href='/console/campaigns']", "a[href='/console/campaigns/new']");
            browser.click("a[href='/console/campaigns/new']", "#trigger");
            browser.screenshot("09-new-campaign");
            browser.click(".console-nav a[href='/console/settings']", "[data-setting]");
            assertThat(browser.find("[data-setting='webhooks']").getAttribute("href")).endsWith("/console/settings/webhooks");
            browser.screenshot("10-settings");
        }
    }

    /** The example plugin's market package, built before this module (see the pom). */
    private static Path examplePackage() throws IOException {
        try (var files = Files.list(Path.of("..", "plugins", "example-order-bonus", "target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-market.zip")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build plugins/example-order-bonus first: ./mvnw -pl plugins/example-order-bonus -am package"));
        }
    }
}
