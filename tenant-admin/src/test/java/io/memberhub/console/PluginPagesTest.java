package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages a module contributes, drawn by the console from their description: a stat and a table read
 * from the module's routes through the platform, a form posted to them with the module's answer
 * next to its field, and an entry among the module pages only for merchants that enabled it.
 */
@QuarkusTest
class PluginPagesTest {

    @TestHTTPResource("/")
    URI console;

    @TempDir
    Path dir;

    @Test
    void anEnabledModulesPageShowsItsFiguresAndTableAndItsFormReachesTheModule() throws IOException {
        String id = "tickets-" + UUID.randomUUID().toString().substring(0, 8);
        PlatformCalls.publish(Files.write(dir.resolve(id + ".zip"), TestModules.pack(dir, id, "1.0.0", "Tickets", List.of("storage"))));
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), owner.email(), owner.password());
        URI page = console.resolve("/console/modules/" + id + "/tickets");

        assertThat(browser.get(console.resolve("/console/modules")).body()).as("nothing enabled yet").doesNotContain(id);
        assertThat(browser.get(page).status()).isEqualTo(404);

        browser.post(console.resolve("/console/market/" + id + "/enablement"), Map.of("settings", "1"));
        assertThat(browser.get(console.resolve("/console")).body()).contains("href=\"/console/modules\"");
        assertThat(browser.get(console.resolve("/console/modules")).body()).contains("href=\"/console/modules/" + id + "/tickets\"").contains(">Tickets</a>");

        Browser.Page tickets = browser.get(page);
        assertThat(tickets.status()).isEqualTo(200);
        assertThat(tickets.body()).contains("data-kind=\"STAT\"").contains("<dd data-key=\"open\">0</dd>")
                .contains("<dd data-key=\"refunds\">123.45 元</dd>").contains("data-kind=\"TABLE\"").contains("没有数据")
                .contains("Tickets are kept for each merchant on its own.");

        Browser.Page refused = browser.post(page, Map.of("widget", "2", "field.subject", "", "field.priority", "3"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<p class=\"field-error\" data-field=\"subject\">Say what the ticket is about</p>")
                .contains("A ticket needs a subject").contains("value=\"3\"");
        Browser.Page notANumber = browser.post(page, Map.of("widget", "2", "field.subject", "Door", "field.priority", "high"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("data-field=\"priority\"").contains("value=\"Door\"");

        Browser.Page sent = browser.post(page, Map.of("widget", "2", "field.subject", "Broken locker", "field.priority", "2"));
        assertThat(sent.uri().getQuery()).isEqualTo("sent=2");
        assertThat(sent.body()).contains("已提交").contains("<td data-key=\"subject\">Broken locker</td>").contains("<td data-key=\"priority\">2</td>")
                .contains("<dd data-key=\"open\">1</dd>");

        assertThat(new Browser("en").get(page).isKeycloakLogin()).as("signed out visitors sign in first").isTrue();
        browser.get(console.resolve("/language/en?back=/console"));
        assertThat(browser.get(page).body()).contains("Module pages").contains("123.45 yuan").contains("From the module " + id);

        // Another merchant that did not enable the module has no such page, and its route answers nothing.
        SignInTest.Owner other = SignInTest.Owner.signedUp(console);
        Browser elsewhere = new Browser();
        elsewhere.signIn(elsewhere.get(console.resolve("/console")), other.email(), other.password());
        assertThat(elsewhere.get(page).status()).isEqualTo(404);
        assertThat(elsewhere.post(page, Map.of("widget", "2", "field.subject", "Sneaky")).status()).isEqualTo(404);
    }
}
