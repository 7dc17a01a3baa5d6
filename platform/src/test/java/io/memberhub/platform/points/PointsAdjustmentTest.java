package io.memberhub.platform.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Owners and admins add or take points by hand with a reason: one ledger line, once, never below zero. */
@QuarkusTest
class PointsAdjustmentTest {

    private static ValidatableResponse adjust(Merchant m, String token, String member, String key, Object points, String reason) {
        var request = Merchants.as(token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(reason == null ? Map.of("points", points) : Map.of("points", points, "reason", reason))
                .post("/api/v1/members/" + member + "/points/adjustments").then();
    }

    @Test
    void anAdjustmentIsOneLedgerLineWithItsReasonAndAReplayDoesNotDoubleIt() {
        Merchant m = Merchants.signUp("points-adjust");
        String member = m.member("17100000001");

        String id = adjust(m, m.ownerToken(), member, "adj-1", 100, " Goodwill for a late delivery ").statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("points", equalTo(100)).body("reason", equalTo("Goodwill for a late delivery")).body("balance", equalTo(100))
                .extract().path("id");
        adjust(m, m.ownerToken(), member, "adj-1", 100, "Goodwill for a late delivery").statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("balance", equalTo(100));
        adjust(m, m.ownerToken(), member, "adj-1", 200, "Goodwill for a late delivery").statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        String admin = Merchants.staffToken(m, "admin");
        adjust(m, admin, member, "adj-2", -30, "Wrong manual entry").statusCode(201).body("balance", equalTo(70));

        m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                .body("balance", equalTo(70)).body("ledgerSum", equalTo(70)).body("consistent", equalTo(true))
                .body("recent[0].delta", equalTo(-30)).body("recent[0].reason", equalTo("ADJUSTMENT"))
                .body("recent[0].note", equalTo("Wrong manual entry")).body("recent[0].sourceType", equalTo("adjustment"))
                .body("recent[1].note", equalTo("Goodwill for a late delivery")).body("recent[1].sourceId", equalTo(id));
        var staff = TenantSql.query(m.id(), "select staff_user_id from points_entry where member_id = ? and staff_user_id is not null",
                UUID.fromString(member));
        assertThat(staff).hasSize(2).allSatisfy(row -> assertThat(row.get("staff_user_id")).isNotNull());
        assertThat(TenantSql.events(m.id(), "PointsAdjusted")).isEqualTo(2);
        assertThat(TenantSql.events(m.id(), "PointsChanged")).isEqualTo(2);
    }

    @Test
    void aDeductionBeyondTheBalanceIsRefusedAndChangesNothing() {
        Merchant m = Merchants.signUp("points-adjust-short");
        String member = m.member("17100000002");
        adjust(m, m.ownerToken(), member, "add", 50, "Opening balance").statusCode(201);

        adjust(m, m.ownerToken(), member, "take", -51, "Too much").statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));

        m.asOwner().get("/api/v1/members/" + member + "/points").then()
                .body("balance", equalTo(50)).body("ledgerSum", equalTo(50)).body("recent.size()", equalTo(1));
        adjust(m, m.ownerToken(), member, "take", -50, "All of it").statusCode(201).body("balance", equalTo(0));
    }

    @Test
    void badInputAndOperatorsAreRefused() {
        Merchant m = Merchants.signUp("points-adjust-refused");
        String member = m.member("17100000003");

        adjust(m, m.ownerToken(), member, "a", 10, null).statusCode(400).body("errors.field", hasItem("reason"));
        adjust(m, m.ownerToken(), member, "b", 10, "x".repeat(201)).statusCode(400).body("errors.field", hasItem("reason"));
        adjust(m, m.ownerToken(), member, "c", 0, "Nothing").statusCode(400).body("errors.field", hasItem("points"));
        adjust(m, m.ownerToken(), member, "e", 200_000_000, "Too many").statusCode(400).body("errors.field", hasItem("points"));
        adjust(m, m.ownerToken(), member, null, 10, "No key").statusCode(400);
        adjust(m, m.ownerToken(), UUID.randomUUID().toString(), "f", 10, "Nobody").statusCode(404);
        adjust(m, Merchants.staffToken(m, "operator"), member, "g", 10, "Operator").statusCode(403);

        Merchant other = Merchants.signUp("points-adjust-other");
        adjust(other, other.ownerToken(), member, "h", 10, "Another merchant's member").statusCode(404);

        m.asOwner().get("/api/v1/members/" + member + "/points").then().body("balance", equalTo(0)).body("recent.size()", equalTo(0));
    }
}
