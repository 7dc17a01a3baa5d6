package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff reach the console through Keycloak's own sign-in pages (OIDC authorization code flow),
 * and the console shows the merchant and role the platform's API reports for their token.
 */
@QuarkusTest
class SignInTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void aMerchantSignsUpAndTheOwnerSignsInThroughKeycloak() {
        Browser browser = new Browser();
        Owner owner = Owner.fresh();

        Browser.Page form = browser.get(console.resolve("/sign-up"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("注册商户");

        Browser.Page signIn = browser.post(console.resolve("/sign-up"), owner.signUpForm());
        assertThat(signIn.isKeycloakLogin()).as("the new owner is sent to Keycloak to sign in").isTrue();
        assertThat(signIn.body()).as("the email is filled in").contains(owner.email());

        Browser.Page home = browser.signIn(signIn, owner.email(), owner.password());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/console");
        assertThat(home.body()).contains(owner.merchantName()).contains("data-merchant=\"" + owner.slug() + "\"")
                .contains("data-role=\"owner\"").contains("所有者");

        assertThat(browser.get(console.resolve("/")).uri().getPath()).as("a signed-in visitor goes straight to the console").isEqualTo("/console");
    }

    @Test
    void aWrongPasswordStaysOnKeycloaksFormAndOpensNothing() {
        Owner owner = Owner.signedUp(console);
        Browser browser = new Browser();

        Browser.Page signIn = browser.get(console.resolve("/console"));
        Browser.Page refused = browser.signIn(signIn, owner.email(), "not-the-password");

        assertThat(refused.isKeycloakLogin()).isTrue();
        assertThat(refused.uri().getPort()).isNotEqualTo(console.getPort());
        assertThat(browser.get(console.resolve("/console")).isKeycloakLogin()).as("still signed out").isTrue();
    }

    @Test
    void signingOutEndsTheConsoleSessionAndTheKeycloakOne() {
        Owner owner = Owner.signedUp(console);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), owner.email(), owner.password());

        Browser.Page after = browser.get(console.resolve("/sign-out"));

        assertThat(after.uri().getPort()).as("back on the console after Keycloak's logout").isEqualTo(console.getPort());
        assertThat(after.body()).contains("href=\"/sign-up\"");
        assertThat(browser.get(console.resolve("/console")).isKeycloakLogin()).as("signing in again needs the password").isTrue();
    }

    @Test
    void invitedStaffChooseTheirOwnPasswordAndSeeTheirRole() {
        Owner owner = Owner.signedUp(console);
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        String temporary = PlatformCalls.inviteStaff(PlatformCalls.staffToken(owner.email(), owner.password()), email, "operator")
                .get("temporaryPassword").asText();
        Browser browser = new Browser();

        Browser.Page update = browser.signIn(browser.get(console.resolve("/console")), email, temporary);
        Browser.Page home = browser.choosePassword(update, "my-own-operator-pass");

        assertThat(home.uri().getPath()).isEqualTo("/console");
        assertThat(home.body()).contains(owner.merchantName()).contains("data-role=\"operator\"").contains("操作员");
    }

    @Test
    void someoneWorkingForTwoMerchantsChoosesWhichToManage() {
        Owner first = Owner.signedUp(console);
        Owner second = Owner.signedUp(console);
        PlatformCalls.inviteStaff(PlatformCalls.staffToken(second.email(), second.password()), first.email(), "admin");
        Browser browser = new Browser();

        Browser.Page choice = browser.signIn(browser.get(console.resolve("/console")), first.email(), first.password());
        assertThat(choice.body()).contains("选择商户").contains("data-merchant=\"" + first.slug() + "\"")
                .contains("data-merchant=\"" + second.slug() + "\"");

        Browser.Page atSecond = browser.post(console.resolve("/console/merchant"), Map.of("slug", second.slug()));
        assertThat(atSecond.body()).contains(second.merchantName()).contains("data-role=\"admin\"");

        Browser.Page chooser = browser.post(console.resolve("/console/merchant"), Map.of("slug", ""));
        assertThat(chooser.body()).contains("选择商户");
        Browser.Page atFirst = browser.post(console.resolve("/console/merchant"), Map.of("slug", first.slug()));
        assertThat(atFirst.body()).contains(first.merchantName()).contains("data-role=\"owner\"");

        Browser.Page notMine = browser.post(console.resolve("/console/merchant"), Map.of("slug", "someone-elses-shop"));
        assertThat(notMine.body()).as("a merchant the token does not list cannot be chosen").contains("选择商户");
    }

    /** A merchant owner made up for one test. */
    record Owner(String merchantName, String slug, String email, String password) {

        static Owner fresh() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Owner("Fresh Market " + id, "fresh-" + id, "owner-" + id + "@example.com", "owner-pass-" + id);
        }

        static Owner signedUp(URI console) {
            Owner owner = fresh();
            Browser.Page answer = new Browser().post(console.resolve("/sign-up"), owner.signUpForm());
            assertThat(answer.isKeycloakLogin()).as("sign-up of %s", owner.slug()).isTrue();
            return owner;
        }

        Map<String, String> signUpForm() {
            return Map.of("merchantName", merchantName, "slug", slug, "ownerEmail", email, "ownerPassword", password);
        }
    }
}
