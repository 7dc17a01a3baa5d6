package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff look members up in the console and see each one's portrait, as their role allows. */
@QuarkusTest
class MembersPageTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void staffSearchMembersAndReadAPortraitWithPrivateFieldsMaskedForOperators() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/member-fields", token,
                "{\"key\":\"allergies\",\"label\":\"Allergies\",\"type\":\"TEXT\",\"private\":true}", 201);
        String hanId = PlatformCalls.call("POST", "/api/v1/members", token,
                "{\"phone\":\"13900000001\",\"name\":\"韩梅梅\",\"fields\":{\"allergies\":\"peanuts\"}}", 201).get("id").asText();
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000002\",\"name\":\"Li Lei\"}", 201);
        String vip = PlatformCalls.call("POST", "/api/v1/tags", token, "{\"name\":\"VIP\"}", 201).get("id").asText();
        PlatformCalls.call("PUT", "/api/v1/members/" + hanId + "/tags/" + vip, token, null, 200);

        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/members")), owner.email(), owner.password());
        Browser.Page list = browser.get(console.resolve("/console/members"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-total=\"2\"").contains("韩梅梅").contains("Li Lei");

        Browser.Page found = browser.get(console.resolve("/console/members?q=1390000000"));
        assertThat(found.body()).contains("data-total=\"2\"");
        Browser.Page one = browser.get(console.resolve("/console/members?q=" + java.net.URLEncoder.encode("韩", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(one.body()).contains("data-total=\"1\"").contains("韩梅梅").doesNotContain("Li Lei");

        Browser.Page portrait = browser.get(console.resolve("/console/members/" + hanId));
        assertThat(portrait.status()).isEqualTo(200);
        assertThat(portrait.body()).contains("data-tag=\"VIP\"").contains("data-field=\"allergies\">peanuts<").contains("data-points=\"0\"");

        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser asOperator = new Browser();
        asOperator.signIn(asOperator.get(console.resolve("/console/members/" + hanId)), operator, "operator-password-1");
        Browser.Page masked = asOperator.get(console.resolve("/console/members/" + hanId));
        assertThat(masked.body()).contains("data-field=\"allergies\">***<").doesNotContain("peanuts");

        assertThat(browser.get(console.resolve("/console/members/" + UUID.randomUUID())).status()).isEqualTo(404);
    }

    /** Text a member's profile may hold (the platform stores it as sent) is shown as text: never markup, never a template. */
    @Test
    void hostileTextInAProfileIsShownAsTextInTheListAndThePortrait() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/member-fields", token, "{\"key\":\"note\",\"label\":\"Note\",\"type\":\"TEXT\"}", 201);
        String id = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000031\","
                + "\"name\":\"<script>alert('x')</script> {member.name}\",\"fields\":{\"note\":\"<img src=x onerror=alert(1)> 😀 {#include x /}\"}}",
                201).get("id").asText();

        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/members")), owner.email(), owner.password());
        for (Browser.Page page : java.util.List.of(browser.get(console.resolve("/console/members")),
                browser.get(console.resolve("/console/members/" + id)))) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("&lt;script&gt;alert(").contains("{member.name}")
                    .doesNotContain("<script>alert(").doesNotContain("<img src=x");
        }
        assertThat(browser.get(console.resolve("/console/members/" + id)).body()).contains("&lt;img src=x onerror=alert(1)&gt; 😀 {#include x /}");
    }
}
