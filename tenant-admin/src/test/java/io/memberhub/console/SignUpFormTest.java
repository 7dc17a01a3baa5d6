package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sign-up form shows the platform's refusals next to the fields they concern and creates nothing. */
@QuarkusTest
class SignUpFormTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void invalidFieldsAreMarkedAndWhatWasTypedIsKept() {
        String slug = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = new Browser();

        Browser.Page refused = browser.post(console.resolve("/sign-up"), Map.of("merchantName", "Green Grocer",
                "slug", "Not A Slug!", "ownerEmail", "not-an-email", "ownerPassword", "short"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("请检查标出的字段")
                .contains("data-field=\"slug\"").contains("data-field=\"ownerEmail\"").contains("data-field=\"ownerPassword\"")
                .doesNotContain("data-field=\"merchantName\"")
                .contains("value=\"Green Grocer\"").doesNotContain("value=\"short\"");

        Browser.Page accepted = browser.post(console.resolve("/sign-up"), Map.of("merchantName", "Green Grocer",
                "slug", slug, "ownerEmail", slug + "@example.com", "ownerPassword", "long-enough-pass"));
        assertThat(accepted.isKeycloakLogin()).as("the corrected form goes through").isTrue();
    }

    @Test
    void aTakenSlugIsSaidInTheVisitorsLanguage() {
        String slug = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        new Browser().post(console.resolve("/sign-up"), Map.of("merchantName", "First", "slug", slug,
                "ownerEmail", slug + "@example.com", "ownerPassword", "long-enough-pass"));

        Browser english = new Browser("en-GB,en;q=0.8");
        Browser.Page refused = english.post(console.resolve("/sign-up"), Map.of("merchantName", "Second", "slug", slug,
                "ownerEmail", "other-" + slug + "@example.com", "ownerPassword", "long-enough-pass"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("data-field=\"slug\"").contains("This slug is taken").contains("Sign up your business");
    }

    @Test
    void theLanguageChosenInTheConsoleOutranksTheBrowsers() {
        Browser browser = new Browser("en-US,en;q=0.9");
        assertThat(browser.get(console.resolve("/")).body()).contains("Run your membership programme");

        Browser.Page chinese = browser.get(console.resolve("/language/zh?back=/sign-up"));

        assertThat(chinese.uri().getPath()).isEqualTo("/sign-up");
        assertThat(chinese.body()).contains("创建商户").contains("lang=\"zh-CN\"");
        assertThat(browser.get(console.resolve("/language/en?back=https://evil.example/")).uri().getHost())
                .as("only pages of the console").isEqualTo(console.getHost());
    }
}
