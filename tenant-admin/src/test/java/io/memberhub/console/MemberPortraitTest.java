package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The member portrait as a place to work: staff edit the profile, put tags on and take them off,
 * adjust points and stored value with a reason, and narrow the list by field value and segment;
 * every refusal comes from the platform, is shown next to its field and changes nothing.
 */
@QuarkusTest
class MemberPortraitTest {

    private static final Pattern KEY = Pattern.compile("data-form=\"(points|growth|wallet)\"[^>]*>\\s*<h3>[^<]*</h3>\\s*(?:<p[^>]*>[^<]*</p>\\s*)?<input type=\"hidden\" name=\"key\" value=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @TestHTTPResource("/")
    URI console;

    @Test
    void staffEditTagAndAdjustAMemberFromThePortrait() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/member-fields", token, "{\"key\":\"city\",\"label\":\"City\",\"type\":\"TEXT\"}", 201);
        String zhang = PlatformCalls.call("POST", "/api/v1/members", token,
                "{\"phone\":\"13900000011\",\"name\":\"张三\",\"fields\":{\"city\":\"上海\"}}", 201).get("id").asText();
        PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000012\",\"name\":\"Li Lei\",\"fields\":{\"city\":\"北京\"}}", 201);

        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console/members")), owner.email(), owner.password());
        URI portrait = console.resolve("/console/members/" + zhang);

        // Edit: the new name shows; a bad phone is refused next to the field, typed values kept, nothing changed.
        Browser.Page editor = browser.get(console.resolve("/console/members/" + zhang + "/edit"));
        assertThat(editor.status()).isEqualTo(200);
        String version = first(VERSION, editor.body(), 1);
        Browser.Page saved = browser.post(console.resolve("/console/members/" + zhang + "/edit"),
                form("version", version, "phone", "13900000011", "name", "张三丰", "email", "", "gender", "", "birthday", "", "field.city", "上海"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.uri().getPath()).isEqualTo("/console/members/" + zhang);
        assertThat(saved.body()).contains("data-done=\"profile\"").contains("<h1>张三丰");

        String fresh = first(VERSION, browser.get(console.resolve("/console/members/" + zhang + "/edit")).body(), 1);
        Browser.Page refused = browser.post(console.resolve("/console/members/" + zhang + "/edit"),
                form("version", fresh, "phone", "not-a-phone", "name", "Someone else", "email", "", "gender", "", "birthday", "", "field.city", "杭州"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"phone\"").contains("value=\"not-a-phone\"").contains("value=\"Someone else\"")
                .contains("value=\"杭州\"");
        JsonNode unchanged = PlatformCalls.call("GET", "/api/v1/members/" + zhang, token, null, 200);
        assertThat(unchanged.get("phone").asText()).isEqualTo("13900000011");
        assertThat(unchanged.get("name").asText()).isEqualTo("张三丰");
        assertThat(unchanged.get("fields").get("city").asText()).isEqualTo("上海");

        // Tags: a new manual tag is created and put on; then taken off.
        Browser.Page tagged = browser.post(console.resolve("/console/members/" + zhang + "/tags"), form("tagId", "", "newTag", "常客"));
        assertThat(tagged.body()).contains("data-done=\"tags\"").contains("data-tag=\"常客\"");
        String tagId = PlatformCalls.call("GET", "/api/v1/members/" + zhang + "/tags", token, null, 200).get(0).get("id").asText();
        Browser.Page untagged = browser.post(console.resolve("/console/members/" + zhang + "/tags/" + tagId + "/removal"), Map.of());
        assertThat(untagged.body()).contains("data-done=\"tags\"").doesNotContain("data-tag=\"常客\"");
        assertThat(browser.post(console.resolve("/console/members/" + zhang + "/tags"), form("tagId", tagId, "newTag", "")).body())
                .contains("data-tag=\"常客\"");

        // Points +100 with a reason; the same form sent twice adds them once.
        String pointsKey = key(browser.get(portrait).body(), "points");
        Map<String, String> add = form("key", pointsKey, "direction", "add", "amount", "100", "reason", "迟到补偿");
        Browser.Page adjusted = browser.post(console.resolve("/console/members/" + zhang + "/points-adjustments"), add);
        assertThat(adjusted.body()).contains("data-done=\"points\"").contains("data-points=\"100\"").contains("data-note>迟到补偿<");
        assertThat(browser.post(console.resolve("/console/members/" + zhang + "/points-adjustments"), add).body()).contains("data-points=\"100\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/members/" + zhang + "/points", token, null, 200).get("recent").size()).isEqualTo(1);

        // A deduction beyond the balance: the platform's message, the form as typed, nothing changed.
        Browser.Page tooMuch = browser.post(console.resolve("/console/members/" + zhang + "/points-adjustments"),
                form("key", key(adjusted.body(), "points"), "direction", "deduct", "amount", "500", "reason", "清零"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("data-problem=\"points\"").contains("fewer than the 500").contains("value=\"500\"")
                .contains("value=\"清零\"").contains("data-points=\"100\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/members/" + zhang + "/points", token, null, 200).get("balance").asLong()).isEqualTo(100);
        Browser.Page notANumber = browser.post(console.resolve("/console/members/" + zhang + "/points-adjustments"),
                form("key", UUID.randomUUID().toString(), "direction", "add", "amount", "1.5", "reason", "半个"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("data-field=\"amount\"").contains("请输入大于 0 的整数积分");
        Browser.Page noReason = browser.post(console.resolve("/console/members/" + zhang + "/points-adjustments"),
                form("key", UUID.randomUUID().toString(), "direction", "add", "amount", "5", "reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("data-field=\"reason\"");

        // Stored value: 12.50 yuan in, shown in the wallet ledger with its reason.
        Browser.Page wallet = browser.post(console.resolve("/console/members/" + zhang + "/wallet-adjustments"),
                form("key", key(browser.get(portrait).body(), "wallet"), "direction", "add", "amount", "12.50", "reason", "现金充入"));
        assertThat(wallet.body()).contains("data-done=\"wallet\"").contains("data-wallet=\"1250\"").contains("data-wallet-entry=\"1250\"")
                .contains("data-note>现金充入<").contains("12.5");

        // The list narrowed by a field value and by a segment.
        Browser.Page beijing = browser.get(console.resolve("/console/members?fieldKey=city&fieldValue=" + encode("北京")));
        assertThat(beijing.body()).contains("data-total=\"1\"").contains("Li Lei").doesNotContain("张三丰");
        String segment = PlatformCalls.call("POST", "/api/v1/segments", token,
                "{\"name\":\"上海会员\",\"filter\":{\"fields\":{\"city\":\"上海\"}}}", 201).get("id").asText();
        Browser.Page inSegment = browser.get(console.resolve("/console/members?segment=" + segment));
        assertThat(inSegment.body()).contains("data-total=\"1\"").contains("张三丰").doesNotContain("Li Lei");

        // English on request.
        Browser.Page english = browser.get(console.resolve("/language/en?back=/console/members/" + zhang));
        assertThat(english.body()).contains("Adjust points").contains("Manual adjustment").contains("Stored value");
    }

    @Test
    void operatorsReadTheHistoriesButAreToldTheyCannotAdjust() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("POST", "/api/v1/levels", token, "{\"name\":\"普通会员\",\"rank\":0}", 201);
        String member = PlatformCalls.call("POST", "/api/v1/members", token, "{\"phone\":\"13900000021\",\"name\":\"王五\"}", 201).get("id").asText();
        StringBuilder items = new StringBuilder();
        java.time.Instant start = java.time.Instant.now().minusSeconds(3600);
        for (int i = 0; i <= 20; i++) {
            items.append(i == 0 ? "" : ",").append("{\"memberId\":\"").append(member).append("\",\"type\":\"BROWSE\",\"subject\":\"sku-")
                    .append(i).append("\",\"occurredAt\":\"").append(start.plusSeconds(i * 60L)).append("\"}");
        }
        PlatformCalls.call("POST", "/api/v1/activity", token, "{\"items\":[" + items + "]}", 200);
        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser asOperator = new Browser();
        Browser.Page portrait = asOperator.signIn(asOperator.get(console.resolve("/console/members/" + member)), operator, "operator-password-1");

        assertThat(portrait.body()).contains("data-change=\"UPGRADE\"").contains("普通会员").contains("registration")
                .contains("sku-20").doesNotContain("data-subject>sku-0<").contains("data-more");
        Matcher more = Pattern.compile("data-more href=\"([^\"]+)\"").matcher(portrait.body());
        assertThat(more.find()).isTrue();
        assertThat(asOperator.get(console.resolve(more.group(1).replace("&amp;", "&"))).body()).contains("data-subject>sku-0<").doesNotContain("sku-20");

        Browser.Page refused = asOperator.post(console.resolve("/console/members/" + member + "/points-adjustments"),
                form("key", UUID.randomUUID().toString(), "direction", "add", "amount", "100", "reason", "想加点"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("data-problem=\"points\"").contains("只有所有者和管理员可以").contains("data-points=\"0\"");
    }

    /** The Idempotency-Key drawn with the page's {@code form} adjustment form (points, growth, wallet). */
    static String key(String body, String form) {
        Matcher m = KEY.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(form)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + form + " adjustment form with a key in:\n" + body);
    }

    private static String first(Pattern pattern, String body, int group) {
        Matcher m = pattern.matcher(body);
        assertThat(m.find()).as("%s in:%n%s", pattern, body).isTrue();
        return m.group(group);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
