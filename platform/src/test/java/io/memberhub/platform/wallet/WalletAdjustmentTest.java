package io.memberhub.platform.wallet;

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

/** Owners and admins add or take stored value by hand with a reason: one ledger line, once, never below zero. */
@QuarkusTest
class WalletAdjustmentTest {

    private static ValidatableResponse adjust(String token, String member, String key, Object amount, String reason) {
        var request = Merchants.as(token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(reason == null ? Map.of("amount", amount) : Map.of("amount", amount, "reason", reason))
                .post("/api/v1/members/" + member + "/wallet/adjustments").then();
    }

    @Test
    void anAdjustmentIsOneLedgerLineWithItsReasonOnceAndNeverBelowZero() {
        Merchant m = Merchants.signUp("wallet-adjust");
        String member = m.member("17200000001");

        String id = adjust(m.ownerToken(), member, "w-1", 10_050, "Cash counted into the card").statusCode(201)
                .header("Idempotent-Replayed", "false").body("amount", equalTo(10_050)).body("balance", equalTo(10_050))
                .extract().path("id");
        adjust(m.ownerToken(), member, "w-1", 10_050, "Cash counted into the card").statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("balance", equalTo(10_050));

        adjust(m.ownerToken(), member, "w-2", -10_051, "Too much").statusCode(422).body("code", equalTo("INSUFFICIENT_BALANCE"));
        adjust(Merchants.staffToken(m, "admin"), member, "w-3", -50, "Typo last week").statusCode(201).body("balance", equalTo(10_000));

        m.asOwner().get("/api/v1/members/" + member + "/wallet").then().statusCode(200)
                .body("balance", equalTo(10_000)).body("ledgerSum", equalTo(10_000)).body("consistent", equalTo(true))
                .body("recent.size()", equalTo(2))
                .body("recent[0].kind", equalTo("ADJUSTMENT")).body("recent[0].delta", equalTo(-50)).body("recent[0].note", equalTo("Typo last week"))
                .body("recent[1].sourceId", equalTo(id)).body("recent[1].note", equalTo("Cash counted into the card"));
        assertThat(TenantSql.query(m.id(), "select count(*) as n from wallet_entry where member_id = ? and staff_user_id is not null",
                UUID.fromString(member)).getFirst().get("n")).isEqualTo(2L);
        assertThat(TenantSql.events(m.id(), "WalletAdjusted")).isEqualTo(2);
    }

    @Test
    void badInputAndOperatorsAreRefusedAndChangeNothing() {
        Merchant m = Merchants.signUp("wallet-adjust-refused");
        String member = m.member("17200000002");

        adjust(m.ownerToken(), member, "a", 100, null).statusCode(400).body("errors.field", hasItem("reason"));
        adjust(m.ownerToken(), member, "b", 100, "  ").statusCode(400).body("errors.field", hasItem("reason"));
        adjust(m.ownerToken(), member, "c", 0, "Nothing").statusCode(400).body("errors.field", hasItem("amount"));
        adjust(m.ownerToken(), member, "d", 10_000_000_001L, "Too much").statusCode(400).body("errors.field", hasItem("amount"));
        adjust(m.ownerToken(), member, null, 100, "No key").statusCode(400);
        adjust(Merchants.staffToken(m, "operator"), member, "e", 100, "Operator").statusCode(403);
        Merchant other = Merchants.signUp("wallet-adjust-other");
        adjust(other.ownerToken(), member, "f", 100, "Another merchant's member").statusCode(404);

        m.asOwner().get("/api/v1/members/" + member + "/wallet").then().body("balance", equalTo(0)).body("recent.size()", equalTo(0));
        assertThat(TenantSql.events(m.id(), "WalletAdjusted")).isZero();
    }
}
