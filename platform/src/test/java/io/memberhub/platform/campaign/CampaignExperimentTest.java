package io.memberhub.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A/B tests on a campaign as a merchant runs them: stable arms, variants and a held-out control, a report that adds up. */
@QuarkusTest
class CampaignExperimentTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final List<String> ARMS = List.of("A", "B", "CONTROL");

    @Test
    void eachMemberStaysInOneArmTheArmsGetTheirVariantAndTheReportMatchesTheSendsAndOrders() throws Exception {
        Merchant m = Merchants.signUp("ab-test");
        m.asOwner().body(Map.of("maxSends", 10, "perDays", 7)).put("/api/v1/marketing/settings").then().statusCode(200);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            members.add(member(m));
        }
        String campaign = m.asOwner().body(Map.of("name", "Welcome A/B", "trigger", "WELCOME", "points", 10,
                        "message", Map.of("channel", "LOG", "text", "Welcome, {name}!")))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        m.asOwner().body(experiment(40, 30, 20)).put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(400)
                .body("errors[0].field", equalTo("arms"));
        m.asOwner().body(experiment(40, 30, 40)).put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(400);
        String experiment = m.asOwner().body(experiment(40, 30, 30)).put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("conversionDays", equalTo(7)).extract().path("id");

        // The arm is a pure function of the experiment and the member: asked twice, and recomputed here from the documented formula.
        Map<String, String> armOf = new HashMap<>();
        for (String member : members) {
            String arm = assignment(m, campaign, member);
            assertThat(assignment(m, campaign, member)).isEqualTo(arm);
            assertThat(arm).isEqualTo(documentedArm(experiment, member));
            armOf.put(member, arm);
        }
        Map<String, List<String>> byArm = new LinkedHashMap<>();
        ARMS.forEach(arm -> byArm.put(arm, members.stream().filter(member -> armOf.get(member).equals(arm)).toList()));

        m.asOwner().post("/api/v1/campaigns/" + campaign + "/runs").then().statusCode(200)
                .body("sent", equalTo(byArm.get("A").size() + byArm.get("B").size())).body("heldOut", equalTo(byArm.get("CONTROL").size()));
        m.asOwner().post("/api/v1/campaigns/" + campaign + "/runs").then().body("sent", equalTo(0)).body("heldOut", equalTo(0));
        JsonPath sends = m.asOwner().get("/api/v1/campaigns/" + campaign + "/sends").then().statusCode(200).extract().jsonPath();
        for (String member : members) {
            Map<String, Object> send = sends.getMap("find { it.memberId == '" + member + "' }");
            assertThat(send.get("arm")).as(member).isEqualTo(armOf.get(member));
            assertThat(send.get("outcome")).isEqualTo(armOf.get(member).equals("CONTROL") ? "HELD_OUT" : "SENT");
            long points = switch (armOf.get(member)) {
                case "A" -> 10;
                case "B" -> 50;
                default -> 0;
            };
            m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo((int) points));
        }
        m.asOwner().body(experiment(50, 25, 25)).put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(409)
                .body("code", equalTo("EXPERIMENT_STARTED"));

        // Conversions: the first two members of each arm order now; a third orders, but before the send (not a conversion), a
        // fourth orders now but its send is shifted 10 days back (outside the 7 days).
        Map<String, Integer> converted = new HashMap<>();
        for (String arm : ARMS) {
            List<String> in = byArm.get(arm);
            int n = 0;
            for (int i = 0; i < in.size() && i < 4; i++) {
                order(m, in.get(i), arm + "-" + i, 1_000);
                if (i == 2) {
                    TenantSql.update(m.id(), "update member_order set paid_at = now() - interval '1 day' where external_id = ?", arm + "-" + i);
                } else if (i == 3) {
                    TenantSql.update(m.id(), "update campaign_send set created_at = now() - interval '10 days' where member_id = ?::uuid", in.get(i));
                } else {
                    n++;
                }
            }
            converted.put(arm, n);
        }

        JsonPath report = m.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment/report").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("baseline")).isEqualTo("CONTROL");
        int n0 = byArm.get("CONTROL").size();
        int x0 = converted.get("CONTROL");
        for (String arm : ARMS) {
            String row = "arms.find { it.arm == '" + arm + "' }";
            int n = byArm.get(arm).size();
            int x = converted.get(arm);
            assertThat(report.getLong(row + ".members")).as(arm).isEqualTo(n);
            assertThat(report.getLong(row + ".converted")).as(arm).isEqualTo(x);
            assertThat(report.getLong(row + ".orderAmount")).as(arm).isEqualTo(x * 1_000L);
            if (arm.equals("CONTROL") || n == 0 || n0 == 0) {
                assertThat(report.getString(row + ".difference")).isNull();
                continue;
            }
            double p = (double) x / n;
            double p0 = (double) x0 / n0;
            double margin = 1.96 * Math.sqrt(p * (1 - p) / n + p0 * (1 - p0) / n0);
            assertThat(report.getDouble(row + ".conversionRate")).isCloseTo(p, within(0.0001));
            assertThat(report.getDouble(row + ".difference")).isCloseTo(p - p0, within(0.0001));
            assertThat(report.getDouble(row + ".differenceLow")).isCloseTo(p - p0 - margin, within(0.001));
            assertThat(report.getDouble(row + ".differenceHigh")).isCloseTo(p - p0 + margin, within(0.001));
        }

        // Ending the test stops assigning (a new member gets the campaign as it is) and keeps the report.
        m.asOwner().delete("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200).body("status", equalTo("ENDED"));
        String late = member(m);
        m.asOwner().post("/api/v1/campaigns/" + campaign + "/runs").then().body("sent", equalTo(1)).body("heldOut", equalTo(0));
        m.asOwner().get("/api/v1/members/" + late + "/points").then().body("balance", equalTo(10));
        m.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment/report").then().statusCode(200)
                .body("arms.find { it.arm == 'A' }.members", equalTo(byArm.get("A").size()));
    }

    @Test
    void anExperimentStaysWithItsMerchantAndItsArmsMustMakeSense() {
        Merchant m = Merchants.signUp("ab-bad");
        Merchant other = Merchants.signUp("ab-other");
        String campaign = m.asOwner().body(Map.of("name", "Points only", "trigger", "WELCOME", "points", 10))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50, "text", "Hi"), Map.of("name", "B", "weight", 50))))
                .put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(400).body("errors[0].field", equalTo("arms[0].text"));
        m.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50, "control", true, "points", 5), Map.of("name", "B", "weight", 50))))
                .put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(400).body("errors[0].field", equalTo("arms[0].control"));
        m.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50), Map.of("name", "A", "weight", 50))))
                .put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(400);
        m.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(404).body("code", equalTo("EXPERIMENT_NOT_FOUND"));
        m.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50), Map.of("name", "B", "weight", 50, "points", 20))))
                .put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200);
        other.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment/report").then().statusCode(404);
        other.asOwner().body(Map.of("arms", List.of(Map.of("name", "A", "weight", 50), Map.of("name", "B", "weight", 50))))
                .put("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(404);
        Merchants.as(Merchants.staffToken(m, "operator")).delete("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(403);
        m.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment/report").then().statusCode(200).body("baseline", equalTo("A"))
                .body("arms[0].members", equalTo(0));
    }

    /** The README's formula, written again: SHA-256 of "<experimentId>:<memberId>", first 8 bytes unsigned, modulo 100, arms by name. */
    private static String documentedArm(String experiment, String member) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((experiment + ":" + member).getBytes(StandardCharsets.UTF_8));
        long bucket = Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, 8).getLong(), 100);
        return bucket < 40 ? "A" : bucket < 70 ? "B" : "CONTROL";
    }

    private static Map<String, Object> experiment(int a, int b, int control) {
        return Map.of("conversionDays", 7, "arms", List.of(
                Map.of("name", "A", "weight", a),
                Map.of("name", "B", "weight", b, "points", 50, "text", "A big welcome, {name}!"),
                Map.of("name", "CONTROL", "weight", control, "control", true)));
    }

    private static String assignment(Merchant m, String campaign, String member) {
        return m.asOwner().get("/api/v1/campaigns/" + campaign + "/experiment/assignments/" + member).then().statusCode(200).extract().path("arm");
    }

    private static String member(Merchant m) {
        return m.asOwner().body(Map.of("phone", String.format("1390017%04d", PHONES.incrementAndGet())))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void order(Merchant m, String memberId, String externalId, long amount) {
        m.asOwner().header("Idempotency-Key", externalId)
                .body(Map.of("memberId", memberId, "externalId", externalId, "amount", amount, "channel", "shop",
                        "paidAt", Instant.now().toString(),
                        "items", List.of(Map.of("name", "Item", "category", "dairy", "quantity", 1, "amount", amount))))
                .post("/api/v1/orders").then().statusCode(201);
    }
}
