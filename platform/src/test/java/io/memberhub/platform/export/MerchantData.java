package io.memberhub.platform.export;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.SmsInbox;
import io.memberhub.platform.TenantSql;
import io.memberhub.platform.market.MarketPackages;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A merchant that has used every part of the product, through the real API wherever a merchant, a
 * member or a device would: custom fields, levels (earned, gift pack, paid), points (orders, refunds,
 * redemptions, sign-ins, profile completion, adjustments), stored value, coupons, tags, segments,
 * campaigns with an A/B test, a journey, activity, visits, webhooks, devices, staff, member logins, a market module with a
 * SECRET setting, an erasure. What only plugins' machinery writes (an identity from a login plugin,
 * a plugin's event inbox, task runs, migrations, storage) is written by SQL as the platform would.
 * Every secret set up on the way is kept, to look for in exports.
 */
public final class MerchantData {

    /** Alice: a member with something in every member table. */
    public record Filled(Merchant merchant, String alice, String alicePhone, String aliceDevice, String aliceToken,
                         List<String> secrets) {
    }

    private MerchantData() {
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static Filled fill(Merchant m, Path build) throws IOException {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        List<String> secrets = new ArrayList<>();
        // Subscribed first, so that what follows queues deliveries (to an address nobody answers).
        secrets.add(m.asOwner().body(Map.of("url", "http://127.0.0.1:9/hook")).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("secret"));
        m.asOwner().body(Map.of("key", "vip_note", "label", "VIP note", "type", "TEXT")).post("/api/v1/member-fields").then().statusCode(201);
        m.asOwner().body(Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", true))
                .post("/api/v1/member-fields").then().statusCode(201);
        m.asOwner().body(Map.ofEntries(Map.entry("pointsPerYuan", 1), Map.entry("validityDays", 365), Map.entry("signInPoints", 5),
                Map.entry("profileCompletionPoints", 50))).put("/api/v1/points/settings").then().statusCode(200);
        m.asOwner().body(Map.of("spendUnit", 100, "growthPerSpendUnit", 1, "growthPerOrder", 5,
                "activities", List.of(Map.of("type", "LOGIN", "growth", 2, "dailyLimit", 1)))).put("/api/v1/growth/settings").then().statusCode(200);
        m.asOwner().body(Map.of("name", "Basic", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Gold", "rank", 1, "upgradeRule", Map.of("metric", "SPEND", "atLeast", 1_000),
                "giftPack", Map.of("points", 10))).post("/api/v1/levels").then().statusCode(201);
        String paid = m.asOwner().body(Map.of("name", "Club", "rank", 2, "prices", Map.of("MONTH", 3_000)))
                .post("/api/v1/levels").then().statusCode(201).extract().path("id");

        String alicePhone = phone();
        String alice = m.asOwner().body(Map.of("phone", alicePhone, "name", "Alice Wang", "email", "alice-" + alicePhone + "@example.com",
                        "gender", "FEMALE", "birthday", "1990-05-17",
                        "addresses", List.of(Map.of("label", "home", "recipient", "Alice Wang", "detail", "1 Peach Garden Road")),
                        "fields", Map.of("vip_note", "likes green tea", "allergies", "peanuts")))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        String order = "order-" + UUID.randomUUID();
        m.asOwner().header("Idempotency-Key", order).body(Map.of("memberId", alice, "externalId", order, "amount", 2_000, "channel", "shop",
                        "paidAt", Instant.now().minusSeconds(600).toString(),
                        "items", List.of(Map.of("name", "Oolong", "category", "tea", "quantity", 1, "amount", 2_000))))
                .post("/api/v1/orders").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "refund-" + order).body(Map.of("amount", 500, "reason", "Alice said it was too sweet"))
                .post("/api/v1/orders/" + order + "/refunds").then().statusCode(201);
        String redemption = m.asOwner().header("Idempotency-Key", "redeem-" + order)
                .body(Map.of("memberId", alice, "externalId", "redeem-" + order, "points", 10, "orderAmount", 1_000))
                .post("/api/v1/points/redemptions").then().statusCode(201).extract().path("id");
        m.asOwner().post("/api/v1/points/redemptions/" + redemption + "/cancellation").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "adjust-" + order).body(Map.of("points", 5, "reason", "Alice's birthday call"))
                .post("/api/v1/members/" + alice + "/points/adjustments").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "growth-" + order).body(Map.of("growth", 5, "reason", "Alice's card from the old system"))
                .post("/api/v1/members/" + alice + "/growth/adjustments").then().statusCode(201);

        m.asOwner().body(Map.of("tiers", List.of(Map.of("minAmount", 10_000, "bonusAmount", 1_000)))).put("/api/v1/wallet/bonus-tiers")
                .then().statusCode(200);
        String topUp = "top-up-" + UUID.randomUUID();
        m.asOwner().header("Idempotency-Key", topUp).body(Map.of("memberId", alice, "externalId", topUp, "amount", 10_000, "channel", "counter",
                "paidAt", Instant.now().minusSeconds(60).toString())).post("/api/v1/top-ups").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "refund-" + topUp).body(Map.of("amount", 1_000)).post("/api/v1/top-ups/" + topUp + "/refunds")
                .then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "pay-" + topUp).body(Map.of("memberId", alice, "externalId", "pay-" + topUp, "amount", 500))
                .post("/api/v1/wallet-payments").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "adjust-" + topUp).body(Map.of("amount", 100, "reason", "Goodwill after Alice's complaint"))
                .post("/api/v1/members/" + alice + "/wallet/adjustments").then().statusCode(201);
        m.asOwner().header("Idempotency-Key", "club-" + topUp).body(Map.of("levelId", paid, "period", "MONTH", "amount", 3_000,
                "paidWith", "EXTERNAL", "paymentRef", "bank-" + topUp)).post("/api/v1/members/" + alice + "/level/purchases").then().statusCode(201);

        String template = m.asOwner().body(Map.of("name", "10 off", "kind", "AMOUNT_OFF", "value", 1_000, "validityDays", 30))
                .post("/api/v1/coupon-templates").then().statusCode(201).extract().path("id");
        m.asOwner().header("Idempotency-Key", "coupon-" + topUp).body(Map.of("templateId", template, "memberId", alice))
                .post("/api/v1/coupons").then().statusCode(201);
        String vip = m.asOwner().body(Map.of("name", "VIP")).post("/api/v1/tags").then().statusCode(201).extract().path("id");
        // A rule tag nobody meets, evaluated for everyone as it is defined: its evaluation stays on record.
        m.asOwner().body(Map.of("name", "Whales", "rule", Map.of("match", "ALL", "conditions",
                List.of(Map.of("metric", "SPEND", "op", "GTE", "value", 1_000_000_000))))).post("/api/v1/tags").then().statusCode(201);
        String journey = m.asOwner().body(Map.of("name", "VIP welcome", "entry", Map.of("trigger", "TAG_ADDED", "tagId", vip),
                        "steps", List.of(Map.of("name", "VIP points", "points", 1)))).post("/api/v1/journeys")
                .then().statusCode(201).extract().path("id");
        m.asOwner().post("/api/v1/journeys/" + journey + "/activate").then().statusCode(200);
        m.asOwner().put("/api/v1/members/" + alice + "/tags/" + vip).then().statusCode(200);
        m.asOwner().body(Map.of("name", "VIPs", "filter", Map.of("tags", List.of(vip)))).post("/api/v1/segments").then().statusCode(201);
        m.asOwner().body(Map.of("maxSends", 10, "perDays", 1)).put("/api/v1/marketing/settings").then().statusCode(200);
        m.asOwner().body(Map.of("newDays", 30, "atRiskDays", 45, "dormantDays", 120, "activeOrders", 1, "activeWindowDays", 90,
                "wonBackDays", 30)).put("/api/v1/lifecycle/rules").then().statusCode(200);
        String welcome = m.asOwner().body(Map.of("name", "Welcome", "trigger", "WELCOME", "points", 1)).post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50), Map.of("name", "B", "weight", 50, "points", 2))))
                .put("/api/v1/campaigns/" + welcome + "/experiment").then().statusCode(200);
        m.asOwner().post("/api/v1/campaigns/" + welcome + "/runs").then().statusCode(200);
        m.asOwner().post("/api/v1/journeys/" + journey + "/runs").then().statusCode(200).body("reached", org.hamcrest.Matchers.equalTo(1));
        String bob = m.member(phone());
        m.asOwner().put("/api/v1/members/" + bob + "/marketing-opt-out").then().statusCode(200);

        m.asOwner().body(Map.of("name", "SHARE", "description", "shared a product")).post("/api/v1/activity-types").then().statusCode(201);
        m.asOwner().body(Map.of("retentionDays", 100)).put("/api/v1/activity/settings").then().statusCode(200);
        m.asOwner().body(Map.of("items", List.of(Map.of("memberId", alice, "type", "BROWSE", "subject", "sku-oolong",
                "occurredAt", Instant.now().minusSeconds(30).toString())))).post("/api/v1/activity").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(1));
        m.asOwner().header("Idempotency-Key", "visit-" + topUp).body(Map.of("memberId", alice, "externalId", "visit-" + topUp, "location", "Front gate",
                "visitedAt", Instant.now().minusSeconds(20).toString())).post("/api/v1/visits").then().statusCode(201);

        secrets.add(m.asOwner().body(Map.of("name", "Front gate", "kind", "GATE")).post("/api/v1/devices").then().statusCode(201)
                .extract().path("clientSecret"));
        Merchants.staffToken(m, "operator");
        m.asOwner().get("/api/v1/member-codes/keys").then().statusCode(200);

        String device = "phone-" + UUID.randomUUID();
        String aliceToken = signIn(m, alicePhone, device);
        Merchants.as(aliceToken).post("/api/member/me/sign-ins").then().statusCode(201);
        pointsMall(m, aliceToken, template);

        String module = "bonus-" + UUID.randomUUID().toString().substring(0, 8);
        MarketPackages.publishBonusModule(build, module);
        String pluginSecret = "plugin-secret-" + UUID.randomUUID();
        m.asOwner().body(Map.of("config", Map.of("perOrder", "1", "apiSecret", pluginSecret))).put("/api/v1/plugins/" + module + "/enablement")
                .then().statusCode(200);
        secrets.add(pluginSecret);
        byPlugin(m, module, alice, device);

        String carol = m.member(phone());
        m.asOwner().header("Idempotency-Key", "erase-" + carol).body(Map.of("confirm", "ERASE", "reason", "Carol asked by email"))
                .post("/api/v1/members/" + carol + "/erasure").then().statusCode(201);

        awaitWebhookDelivery(m);
        // The sealed forms of what is stored sealed, and a sign-in code's hash: they must not leave either.
        secrets.add(single(m, "select secret from webhook_subscription"));
        secrets.add(single(m, "select private_key from tenant_key"));
        secrets.add(single(m, "select code_hash from sms_code where phone = ? limit 1", alicePhone));
        secrets.add(single(m, "select config ->> 'apiSecret' from tenant_plugin where plugin_id = ?", module));
        return new Filled(m, alice, alicePhone, device, aliceToken, List.copyOf(secrets));
    }

    /**
     * Signs the member in by SMS from {@code device}, after one wrong code (a failed sign-in on record);
     * the member's token.
     */
    public static String signIn(Merchant m, String phone, String device) {
        SmsInbox inbox = SmsInbox.open();
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone)).post("/api/member/auth/sms-codes")
                .then().statusCode(202);
        String code = inbox.lastCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone, "code", wrong))
                .post("/api/member/auth/sms-login").then().statusCode(401);
        return given().contentType(ContentType.JSON).body(Map.of("merchant", m.slug(), "phone", phone, "code", code, "deviceId", device))
                .post("/api/member/auth/sms-login").then().statusCode(200).extract().path("accessToken");
    }

    /** What plugins' machinery writes for a merchant: a linked login identity, an event handed on, a task run, a migration, storage. */
    private static void byPlugin(Merchant m, String plugin, String alice, String device) {
        String event = single(m, "select id::text from outbox_event order by created_at limit 1");
        String[] statements = {
            "insert into member_external_identity (tenant_id, provider, subject, member_id, plugin_id, display_name, union_id, linked_at, last_used_at) "
                    + "values (current_setting('app.tenant_id'), 'wechat', 'openid-alice-" + alice + "', '" + alice + "', '" + plugin
                    + "', 'Alice on WeChat', 'union-alice', now(), now())",
            "insert into login_challenge (tenant_id, id, member_id, device_id, created_at, expires_at) "
                    + "values (current_setting('app.tenant_id'), gen_random_uuid(), '" + alice + "', 'tablet-" + device + "', now(), now() + interval '5 minutes')",
            "insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at) values (current_setting('app.tenant_id'), '"
                    + plugin + "', '" + event + "', now())",
            "insert into plugin_event_replay (tenant_id, plugin_id, event_id, event_created_at, queued_at) values (current_setting('app.tenant_id'), '"
                    + plugin + "', '" + event + "', now(), now())",
            "insert into plugin_task_run (tenant_id, plugin_id, task, next_run_at) values (current_setting('app.tenant_id'), '" + plugin
                    + "', 'nightly', now() + interval '1 day')",
            "insert into tenant_plugin_migration (tenant_id, plugin_id, version, description, checksum, plugin_version, applied_at) "
                    + "values (current_setting('app.tenant_id'), '" + plugin + "', 1, 'tables', 'abc', '1.0.0', now())",
            "insert into plugin_storage (tenant_id, plugin_id, key, value, updated_at) values (current_setting('app.tenant_id'), '" + plugin
                    + "', 'access_token', 'plugin-storage-token-" + alice + "', now())"};
        for (String statement : statements) {
            TenantSql.updateAsOwner(m.id(), statement);
        }
    }

    /** A reward and a lottery in the points mall, and Alice's order of the reward, fulfilled with a delivery note. */
    private static void pointsMall(Merchant m, String aliceToken, String couponTemplate) {
        String mug = m.asOwner().body(Map.of("kind", "GOODS", "name", "Tea mug", "pointsPrice", 1, "stock", 20, "perMemberLimit", 5))
                .post("/api/v1/mall/rewards").then().statusCode(201).extract().path("id");
        m.asOwner().put("/api/v1/mall/rewards/" + mug + "/publication").then().statusCode(200);
        m.asOwner().body(Map.of("kind", "LOTTERY", "name", "Lucky draw", "pointsPrice", 1, "prizes", List.of(
                        Map.of("kind", "NONE", "name", "Thanks for playing", "weight", 9),
                        Map.of("kind", "COUPON", "name", "10 off", "weight", 1, "stock", 3, "couponTemplateId", couponTemplate))))
                .post("/api/v1/mall/rewards").then().statusCode(201);
        String order = Merchants.as(aliceToken).header("Idempotency-Key", "mall-" + mug).body(Map.of("rewardId", mug, "note", "blue one"))
                .post("/api/member/me/mall/redemptions").then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("note", "SF Express SF1234567890")).post("/api/v1/mall/redemptions/" + order + "/fulfilment")
                .then().statusCode(200);
    }

    /** The relay hands the order's event to the webhook fan-out after the commit: waits for the delivery it queues. */
    private static void awaitWebhookDelivery(Merchant m) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> single(m, "select count(*) from webhook_delivery"), count -> !count.equals("0"));
    }

    /** The first column of the first row, as text. */
    public static String single(Merchant m, String sql, Object... params) {
        return String.valueOf(TenantSql.query(m.id(), sql, params).getFirst().values().iterator().next());
    }
}
