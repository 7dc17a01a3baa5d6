package io.memberhub.platform.points;

import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    private static String member(Merchant m, String phone) {
        return m.asOwner().body(Map.of("phone", phone)).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    /** Earlier sign-ins, written as they would have been on those days. */
    private static void signedInBefore(Merchant m, String member, int daysAgo, int streak) {
        TenantSql.update(m.id(), "insert into sign_in (tenant_id, member_id, day, streak, points, created_at) values (?, ?::uuid, ?, ?, 0, now())",
                m.id(), member, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo), streak);
    }

    private static Merchant merchant() {
        Merchant m = Merchants.signUp("sign-in");
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365, "signInPoints", 5, "streakDays", 7, "streakBonus", 20))
                .put("/api/v1/points/settings").then().statusCode(200).body("signInPoints", equalTo(5));
        return m;
    }

    @Test
    void aMemberSignsInOnceADay() {
        Merchant m = merchant();
        String member = member(m, "10900000001");
        m.asOwner().post("/api/v1/members/" + member + "/sign-ins").then().statusCode(201)
                .body("streak", equalTo(1)).body("points", equalTo(5)).body("balance", equalTo(5)).body("repeated", equalTo(false));
        m.asOwner().post("/api/v1/members/" + member + "/sign-ins").then().statusCode(200)
                .body("repeated", equalTo(true)).body("balance", equalTo(5));
    }

    @Test
    void theSeventhDayInARowEarnsTheStreakBonusAndAGapStartsOver() {
        Merchant m = merchant();
        String steady = member(m, "10900000002");
        for (int daysAgo = 6; daysAgo >= 1; daysAgo--) {
            signedInBefore(m, steady, daysAgo, 7 - daysAgo);
        }
        m.asOwner().post("/api/v1/members/" + steady + "/sign-ins").then().statusCode(201)
                .body("streak", equalTo(7)).body("points", equalTo(25));

        String patchy = member(m, "10900000003");
        signedInBefore(m, patchy, 2, 6);
        m.asOwner().post("/api/v1/members/" + patchy + "/sign-ins").then().statusCode(201)
                .body("streak", equalTo(1)).body("points", equalTo(5));
    }

    @Test
    void signInsBelongToOneMerchant() {
        Merchant a = Merchants.signUp("sign-in-a");
        Merchant b = merchant();
        String bMember = member(b, "10900000004");
        a.asOwner().post("/api/v1/members/" + bMember + "/sign-ins").then().statusCode(404);
        b.asOwner().post("/api/v1/members/" + bMember + "/sign-ins").then().statusCode(201);
    }
}
