package io.memberhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The points mall page: rewards made, stocked and published in the console reach members; their orders are fulfilled or cancelled there. */
@QuarkusTest
class MallPagesTest {

    @TestHTTPResource("/")
    URI console;

    @Test
    void anOwnerStocksAndPublishesRewardsAndHandlesMembersOrders() throws IOException {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        PlatformCalls.call("PUT", "/api/v1/points/settings", token, "{\"pointsPerYuan\":1,\"validityDays\":365}", 200);
        PlatformCalls.call("POST", "/api/v1/coupon-templates", token,
                "{\"name\":\"满100减20\",\"kind\":\"AMOUNT_OFF\",\"value\":2000,\"validityDays\":30}", 201);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), owner.email(), owner.password());

        Browser.Page empty = browser.get(console.resolve("/console/mall"));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("积分商城").contains("还没有奖品").contains("没有此状态的订单");

        Browser.Page created = browser.post(console.resolve("/console/mall/rewards"), reward("GOODS", "保温杯", "200", "2", ""));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("data-done=\"created\"")
                .contains("data-reward=\"保温杯\" data-kind=\"GOODS\" data-stock=\"2\" data-published=\"false\"");
        Browser.Page lottery = browser.post(console.resolve("/console/mall/rewards"), reward("LOTTERY", "幸运抽奖", "10", "",
                "NONE | 谢谢参与 | 90\nCOUPON | 满100减20 | 10 | 5 | 满100减20\n"));
        assertThat(lottery.body()).contains("data-prize=\"满100减20\" data-prize-stock=\"5\"").contains("10 / 100");

        Map<String, String> badLine = reward("LOTTERY", "坏的抽奖", "10", "", "COUPON | 满100减20 | ten\n");
        Browser.Page refused = browser.post(console.resolve("/console/mall/rewards"), badLine);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"prizes\">无法识别这一行:COUPON | 满100减20 | ten<").contains("value=\"坏的抽奖\"");
        Browser.Page badWindow = browser.post(console.resolve("/console/mall/rewards"),
                with(reward("GOODS", "Window", "1", "", ""), "availableFrom", "2027-01-02", "availableUntil", "2027-01-01"));
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(badWindow.body()).contains("data-field=\"availableUntil\">availableFrom must be before availableUntil<");

        JsonNode rewards = PlatformCalls.call("GET", "/api/v1/mall/rewards", token, null, 200);
        assertThat(rewards).hasSize(2);
        JsonNode mug = find(rewards, "保温杯");
        assertThat(mug.get("pointsPrice").asLong()).isEqualTo(200);
        assertThat(mug.get("perMemberLimit").asInt()).isEqualTo(1);
        JsonNode draw = find(rewards, "幸运抽奖");
        assertThat(draw.get("prizes")).hasSize(2);
        assertThat(draw.get("prizes").get(1).get("couponTemplateId").isTextual()).isTrue();
        String mugId = mug.get("id").asText();

        assertThat(browser.post(console.resolve("/console/mall/rewards/" + mugId + "/stock"), Map.of("delta", "3")).body())
                .contains("data-done=\"stock\"").contains("data-reward=\"保温杯\" data-kind=\"GOODS\" data-stock=\"5\"");
        assertThat(browser.post(console.resolve("/console/mall/rewards/" + mugId + "/stock"), Map.of("delta", "-9")).status()).isEqualTo(409);
        assertThat(browser.post(console.resolve("/console/mall/rewards/" + mugId + "/publication"), Map.of()).body())
                .contains("data-reward=\"保温杯\" data-kind=\"GOODS\" data-stock=\"5\" data-published=\"true\"");

        Browser.Page editor = browser.get(console.resolve("/console/mall/rewards/" + mugId));
        assertThat(editor.body()).contains("value=\"保温杯\"").contains("value=\"200\"");
        Map<String, String> edit = reward("GOODS", "保温杯(大)", "180", "", "");
        edit.remove("stock");
        assertThat(browser.post(console.resolve("/console/mall/rewards/" + mugId), edit).body()).contains("data-done=\"saved\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/mall/rewards/" + mugId, token, null, 200).get("pointsPrice").asLong()).isEqualTo(180);

        // Two members redeem in their app; the console fulfils one order and cancels the other.
        String first = memberToken(owner, "16900000001");
        String second = memberToken(owner, "16900000002");
        for (String member : List.of(first, second)) {
            String id = PlatformCalls.call("GET", "/api/member/me", member, null, 200).get("id").asText();
            PlatformCalls.callOnce("o-" + id, "POST", "/api/v1/orders", token, "{\"memberId\":\"" + id + "\",\"externalId\":\"o-" + id
                    + "\",\"amount\":50000,\"channel\":\"shop\",\"paidAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}", 201);
            PlatformCalls.callOnce("mall-" + id, "POST", "/api/member/me/mall/redemptions", member,
                    "{\"rewardId\":\"" + mugId + "\",\"note\":\"蓝色\"}", 201);
        }
        Browser.Page orders = browser.get(console.resolve("/console/mall"));
        assertThat(orders.body()).contains("data-status=\"PLACED\"").contains("保温杯(大)").contains("蓝色");
        JsonNode placed = PlatformCalls.call("GET", "/api/v1/mall/redemptions?status=PLACED", token, null, 200);
        assertThat(placed).hasSize(2);
        String shipped = placed.get(0).get("id").asText();
        String called = placed.get(1).get("id").asText();
        assertThat(browser.post(console.resolve("/console/mall/redemptions/" + shipped + "/fulfilment"), Map.of("note", "顺丰 SF123")).body())
                .contains("data-done=\"fulfilled\"");
        assertThat(browser.post(console.resolve("/console/mall/redemptions/" + called + "/cancellation"), Map.of("reason", "缺货")).body())
                .contains("data-done=\"cancelled\"");
        assertThat(PlatformCalls.call("GET", "/api/v1/mall/redemptions/" + shipped, token, null, 200).get("fulfilmentNote").asText())
                .isEqualTo("顺丰 SF123");
        JsonNode cancelled = PlatformCalls.call("GET", "/api/v1/mall/redemptions/" + called, token, null, 200);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("pointsReturned").asLong()).isEqualTo(180);
        assertThat(browser.get(console.resolve("/console/mall?status=CANCELLED")).body()).contains("data-order=\"" + called + "\"")
                .contains("退还 180 积分");
        assertThat(PlatformCalls.call("GET", "/api/v1/mall/rewards/" + mugId, token, null, 200).get("stock").asLong()).isEqualTo(4);

        Browser english = new Browser("en");
        english.signIn(english.get(console.resolve("/console")), owner.email(), owner.password());
        assertThat(english.get(console.resolve("/console/mall")).body()).contains("Points mall").contains("Redemption orders").contains("Lucky draw");
    }

    @Test
    void anOperatorHandlesOrdersButCannotChangeRewards() {
        SignInTest.Owner owner = SignInTest.Owner.signedUp(console);
        String token = PlatformCalls.staffToken(owner.email(), owner.password());
        String operator = "op-" + UUID.randomUUID() + "@example.com";
        PlatformCalls.call("POST", "/api/v1/staff", token,
                "{\"email\":\"" + operator + "\",\"role\":\"operator\",\"initialPassword\":\"operator-password-1\"}", 201);
        Browser browser = new Browser();
        browser.signIn(browser.get(console.resolve("/console")), operator, "operator-password-1");

        Browser.Page page = browser.get(console.resolve("/console/mall"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-read-only").doesNotContain("action=\"/console/mall/rewards\"");
        Browser.Page refused = browser.post(console.resolve("/console/mall/rewards"), reward("GOODS", "x", "1", "", ""));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(PlatformCalls.call("GET", "/api/v1/mall/rewards", token, null, 200)).isEmpty();
    }

    private static Map<String, String> reward(String kind, String name, String price, String stock, String prizes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind);
        form.put("name", name);
        form.put("pointsPrice", price);
        form.put("stock", stock);
        form.put("perMemberLimit", "GOODS".equals(kind) ? "1" : "");
        form.put("minLevelId", "");
        form.put("availableFrom", "");
        form.put("availableUntil", "");
        form.put("couponTemplateId", "");
        form.put("description", "");
        form.put("imageUrl", "");
        form.put("prizes", prizes);
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static JsonNode find(JsonNode rewards, String name) {
        for (JsonNode reward : rewards) {
            if (reward.get("name").asText().equals(name)) {
                return reward;
            }
        }
        throw new AssertionError("No reward " + name);
    }

    /** Signs a member in to the owner's merchant by SMS, reading the code the platform's development sender logs. */
    private static String memberToken(SignInTest.Owner owner, String phone) throws IOException {
        String body = "{\"merchant\":\"" + owner.slug() + "\",\"phone\":\"" + phone + "\"}";
        PlatformCalls.send(HttpRequest.newBuilder(URI.create(PlatformCalls.platform() + "/api/member/auth/sms-codes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), 202);
        Path log = Path.of(ConfigProvider.getConfig().getValue("memberhub.test.platform-log", String.class));
        Pattern code = Pattern.compile("SMS to " + Pattern.quote(phone) + " .*code is (\\d{6})");
        String found = null;
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0 && found == null; i--) {
            Matcher m = code.matcher(lines.get(i));
            if (m.find()) {
                found = m.group(1);
            }
        }
        assertThat(found).as("an SMS code to " + phone).isNotNull();
        String login = "{\"merchant\":\"" + owner.slug() + "\",\"phone\":\"" + phone + "\",\"code\":\"" + found + "\"}";
        return PlatformCalls.send(HttpRequest.newBuilder(URI.create(PlatformCalls.platform() + "/api/member/auth/sms-login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(), 200)
                .get("accessToken").asText();
    }
}
