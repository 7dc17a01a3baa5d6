package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit log screen: what staff do in the console is found there, in the merchant's time zone,
 * with the member linked and the browser it came from; filters and older pages; operators are
 * turned away.
 */
@QuarkusTest
class AuditLogPageTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern OLDER = Pattern.compile("href=\"(/console/settings/audit-log\\?[^\"]*)\" data-older");

    @TestHTTPResource("/")
    URI console;

    @Test
    void anEditMadeInTheConsoleIsOnTheAuditScreenWithWhoWhatWhenAndFromWhere() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String member = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000021\",\"name\":\"王五\"}", 201)
                .get("id").asText();
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/settings")), owner.email(), owner.password());
        assertThat(browser.get(console.resolve("/console/settings")).body()).contains("href=\"/console/settings/audit-log\" data-setting=\"audit-log\"");

        String version = first(VERSION, browser.get(console.resolve("/console/members/" + member + "/edit")).body());
        Browser.Page saved = browser.post(console.resolve("/console/members/" + member + "/edit"),
                form("version", version, "phone", "13900000021", "name", "王五六", "email", "", "gender", "", "birthday", ""));
        assertThat(saved.body()).contains("data-done=\"profile\"");

        Browser.Page log = browser.get(console.resolve("/console/settings/audit-log"));
        assertThat(log.status()).isEqualTo(200);
        String row = row(log.body(), "member.updated");
        assertThat(row).contains("data-actor=\"" + owner.email() + "\"").contains("修改会员资料").contains("所有者")
                .contains("data-member-link=\"" + member + "\"").contains("href=\"/console/members/" + member + "\"")
                .contains("changed: name").doesNotContain("王五六")
                .contains("<span data-source-ip>127.0.0.1</span>");
        assertThat(row).as("the browser the edit came from, not the console's own client").contains("data-user-agent>Java-http-client");
        JsonNode entry = PlatformCalls.call("GET", "/api/v1/audit-log?action=member.updated", token, null, 200).get("entries").get(0);
        ZoneId zone = ZoneId.of(PlatformCalls.call("GET", "/api/v1/points/settings", token, null, 200).get("timeZone").asText());
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.parse(entry.get("occurredAt").asText()).atZone(zone));
        assertThat(row).as("in the merchant's time zone, %s", zone).contains(">" + when + "</time>");
        assertThat(log.body()).contains("data-action=\"member.created\"");

        assertThat(browser.get(console.resolve("/console/settings/audit-log?action=staff.")).body()).doesNotContain("data-action=\"member.");
        assertThat(browser.get(console.resolve("/console/settings/audit-log?action=member.&actor=" + owner.email())).body())
                .contains("data-action=\"member.updated\"").contains("data-action=\"member.created\"");
        String today = LocalDate.now(zone).toString();
        assertThat(browser.get(console.resolve("/console/settings/audit-log?from=" + today + "&to=" + today)).body())
                .contains("data-action=\"member.updated\"");
        assertThat(browser.get(console.resolve("/console/settings/audit-log?to=" + LocalDate.now(zone).minusDays(2))).body())
                .doesNotContain("data-action=").contains("没有符合条件的记录");
        Browser.Page badDay = browser.get(console.resolve("/console/settings/audit-log?from=31.12.2026"));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.body()).contains("data-field=\"from\" data-code=\"NOT_A_DATE\"").contains("value=\"31.12.2026\"");
        assertThat(browser.get(console.resolve("/console/settings/audit-log?targetType=member&targetId=" + member)).body())
                .contains("data-target-filter=\"member:" + member + "\"").contains("data-action=\"member.updated\"");

        Browser english = new Browser("en");
        english.signIn(english.get(console.resolve("/console/settings/audit-log")), owner.email(), owner.password());
        assertThat(english.get(console.resolve("/console/settings/audit-log")).body()).contains("Member profile changed").contains("Audit log");
    }

    @Test
    void olderEntriesArePagedByTheCursorAndOperatorsAreTurnedAway() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        for (int i = 0; i < 52; i++) {
            PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"1390000" + String.format("%04d", i) + "\"}", 201);
        }
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/settings/audit-log")), owner.email(), owner.password());

        Browser.Page newest = browser.get(console.resolve("/console/settings/audit-log?action=member."));
        assertThat(count(newest.body(), "data-entry=")).isEqualTo(50);
        Matcher older = OLDER.matcher(newest.body());
        assertThat(older.find()).isTrue();
        Browser.Page second = browser.get(console.resolve(older.group(1).replace("&amp;", "&")));
        assertThat(count(second.body(), "data-entry=")).isEqualTo(2);
        assertThat(second.body()).contains("data-newest").doesNotContain("data-older");

        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token, "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser asOperator = new Browser();
        Browser.Page refused = asOperator.signIn(asOperator.get(console.resolve("/console/settings/audit-log")), operator, "operator-password-1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data-refused-role=\"operator\"").doesNotContain("data-entry=");
    }

    /** The table row of the newest entry with this action. */
    private static String row(String body, String action) {
        int start = body.indexOf("data-action=\"" + action + "\"");
        assertThat(start).as("an entry %s in:%n%s", action, body).isNotNegative();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    private static int count(String body, String marker) {
        return body.split(Pattern.quote(marker), -1).length - 1;
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as("%s in:%n%s", pattern, body).isTrue();
        return m.group(1);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
