package io.memberhub.platform.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BirthdayCouponTest {

    @Inject
    BirthdayCoupons birthdays;

    private static String member(Merchant m, String phone, LocalDate birthday) {
        return m.asOwner().body(Map.of("phone", phone, "birthday", birthday.toString())).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aLevelsBirthdayCouponArrivesOnTheBirthdayOnceAYear() {
        Merchant m = Merchants.signUp("birthday");
        m.asOwner().body(Map.of("name", "会员", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "VIP", "rank", 1, "upgradeRule", Map.of("metric", "ORDER_COUNT", "atLeast", 1),
                        "benefits", List.of(Map.of("type", "BIRTHDAY_COUPON", "value", 2_000))))
                .post("/api/v1/levels").then().statusCode(201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String vip = member(m, "17730000001", today.minusYears(30));
        String regular = member(m, "17730000002", today.minusYears(25));
        String vipTomorrow = member(m, "17730000003", today.plusDays(1).minusYears(40));
        for (String member : List.of(vip, vipTomorrow)) {
            m.asOwner().header("Idempotency-Key", "o-" + member)
                    .body(Map.of("memberId", member, "externalId", "o-" + member, "amount", 100, "channel", "shop",
                            "paidAt", Instant.now().minusSeconds(60).toString()))
                    .post("/api/v1/orders").then().statusCode(201);
        }

        assertThat(birthdays.issueToday(UUID.fromString(m.id()))).isEqualTo(1);
        assertThat(birthdays.issueToday(UUID.fromString(m.id()))).as("once a year").isZero();

        m.asOwner().get("/api/v1/members/" + vip + "/coupons").then()
                .body("size()", equalTo(1))
                .body("[0].source", equalTo("BIRTHDAY"))
                .body("[0].value", equalTo(2_000))
                .body("[0].kind", equalTo("AMOUNT_OFF"));
        m.asOwner().get("/api/v1/members/" + regular + "/coupons").then().body("size()", equalTo(0));
        m.asOwner().get("/api/v1/members/" + vipTomorrow + "/coupons").then().body("size()", equalTo(0));
        m.asOwner().get("/api/v1/coupon-templates").then().body("find { it.value == 2000 }.name", equalTo("Birthday coupon, 20.00 yuan off"));
    }
}
