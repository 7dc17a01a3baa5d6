package io.memberhub.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhooks cannot be turned against the platform's own network (SSRF): a URL that is or resolves to
 * an internal address is refused when the merchant subscribes, checked again at each delivery
 * against the address actually connected to, and never reached through a redirect. The test stack
 * allows exactly one internal host, 127.0.0.1 (memberhub.webhooks.allowed-private-hosts), for its
 * receivers; every other spelling of this machine stays refused.
 */
@QuarkusTest
class WebhookSsrfTest {

    /** Each with the words the refusal must say. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("http://localhost:8080/hook", "loopback"),
            Map.entry("http://127.0.0.2/hook", "loopback"),
            Map.entry("http://127.1/hook", "unusual form"),
            Map.entry("http://0x7f000001/hook", "unusual form"),
            Map.entry("http://2130706433/hook", "unusual form"),
            Map.entry("http://017700000001/hook", "unusual form"),
            Map.entry("http://0177.0.0.1/hook", "unusual form"),
            Map.entry("http://[::1]/hook", "loopback"),
            Map.entry("http://[::ffff:127.0.0.1]/hook", "loopback"),
            Map.entry("http://[::ffff:7f00:1]:9000/hook", "loopback"),
            Map.entry("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "link-local"),
            Map.entry("http://10.1.2.3/hook", "private"),
            Map.entry("http://172.16.0.10/hook", "private"),
            Map.entry("http://172.31.255.1/hook", "private"),
            Map.entry("http://192.168.1.20:8443/hook", "private"),
            Map.entry("http://169.254.169.254/latest/meta-data/iam/", "link-local"),
            Map.entry("https://user:pw@169.254.169.254/", "link-local"),
            Map.entry("http://100.64.0.1/hook", "CGNAT"),
            Map.entry("http://100.127.255.254/hook", "CGNAT"),
            Map.entry("http://0.0.0.0:8080/hook", "unspecified"),
            Map.entry("http://[::]/hook", "unspecified"),
            Map.entry("http://224.0.0.1/hook", "multicast"),
            Map.entry("http://[ff02::1]/hook", "multicast"),
            Map.entry("http://[fe80::1]/hook", "link-local"),
            Map.entry("http://[fd12:3456::1]/hook", "unique local"),
            Map.entry("http://[fc00::1]/hook", "unique local"),
            Map.entry("ftp://example.com/hook", "absolute http(s) URL"),
            Map.entry("/relative/hook", "absolute http(s) URL"));

    @Test
    void internalAddressesInEveryDisguiseAreRefusedWithTheReasonAndNothingIsSubscribed() {
        Merchant m = Merchants.signUp("ssrf");
        REFUSED.forEach((url, reason) -> m.asOwner().body(Map.of("url", url)).post("/api/v1/webhooks").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("url"))
                .body("detail", containsString(reason)));
        m.asOwner().get("/api/v1/webhooks").then().statusCode(200).body("size()", equalTo(0));
        System.out.println("[abuse] webhook SSRF: " + REFUSED.size() + " internal or odd URLs refused at subscription, none stored");
    }

    @Test
    void theOperatorsAllowedHostIsTakenAndPublicAddressesAre() throws Exception {
        Merchant m = Merchants.signUp("ssrf-allowed");
        try (Receiver receiver = new Receiver()) {
            m.asOwner().body(Map.of("url", receiver.url())).post("/api/v1/webhooks").then().statusCode(201);
        }
        // A public address is taken without being called.
        m.asOwner().body(Map.of("url", "https://203.0.113.7/hooks/memberhub")).post("/api/v1/webhooks").then().statusCode(201);
        m.asOwner().get("/api/v1/webhooks").then().body("size()", equalTo(2));
    }

    @Test
    void aNameThatResolvesInsideByDeliveryTimeIsNotCalled() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Merchant m = Merchants.signUp("ssrf-rebind");
            String subscription = m.asOwner().body(Map.of("url", receiver.url(), "eventTypes", List.of("MemberRegistered")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            // The stored name now resolves to this machine (as a DNS record changed after the merchant subscribed
            // would): the delivery is refused at the address it would connect to, and the receiver hears nothing.
            TenantSql.update(m.id(), "update webhook_subscription set url = ? where id = cast(? as uuid)",
                    "http://localhost:" + receiver.port() + "/hook", subscription);
            m.asOwner().body(Map.of("phone", "13800990001")).post("/api/v1/members").then().statusCode(201);

            await().atMost(Duration.ofSeconds(20)).until(() -> m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().extract().jsonPath().getInt("[0].attempts") >= 1);
            m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries").then()
                    .body("[0].lastError", containsString("refused"))
                    .body("[0].lastError", containsString("loopback"))
                    .body("[0].lastStatus", equalTo(null));
            assertThat(receiver.received()).as("the receiver on this machine was never called").isEmpty();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (Receiver redirecting = new Receiver(); Receiver target = new Receiver()) {
            // Not even to a host the operator allows: a redirect could lead anywhere.
            redirecting.redirect(307, target.url());
            Merchant m = Merchants.signUp("ssrf-redirect");
            String subscription = m.asOwner().body(Map.of("url", redirecting.url(), "eventTypes", List.of("MemberRegistered")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            m.asOwner().body(Map.of("phone", "13800990002")).post("/api/v1/members").then().statusCode(201);

            await().atMost(Duration.ofSeconds(20)).until(() -> !redirecting.received().isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries")
                    .then().extract().jsonPath().getInt("[0].attempts") >= 1);
            m.asOwner().get("/api/v1/webhooks/" + subscription + "/deliveries").then()
                    .body("[0].status", equalTo("PENDING")).body("[0].lastStatus", equalTo(307));
            assertThat(target.received()).isEmpty();
        }
    }
}
