package io.memberhub.platform.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralTest {

    private static ValidatableResponse create(Merchant m, String phone, String name, String referredBy) {
        Map<String, Object> body = referredBy == null ? Map.of("phone", phone, "name", name)
                : Map.of("phone", phone, "name", name, "referredBy", referredBy);
        return m.asOwner().body(body).post("/api/v1/members").then();
    }

    private static String member(Merchant m, String phone, String name, String referredBy) {
        return create(m, phone, name, referredBy).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse refer(Merchant m, String member, String referrer) {
        return m.asOwner().body(Map.of("referredBy", referrer)).patch("/api/v1/members/" + member).then();
    }

    @Test
    void aReferralIsRecordedAtCreationAndListedForTheReferrer() {
        Merchant m = Merchants.signUp("referral");
        String teacher = member(m, "18800000001", "Teacher Wang", null);
        String first = member(m, "18800000002", "Student One", teacher);
        String second = member(m, "18800000003", "Student Two", teacher);

        m.asOwner().get("/api/v1/members/" + first).then().statusCode(200)
                .body("referredBy", equalTo(teacher)).body("referredAt", notNullValue());
        m.asOwner().get("/api/v1/members/" + teacher + "/referrals").then().statusCode(200)
                .body("id", contains(first, second))
                .body("name", contains("Student One", "Student Two"))
                .body("[0].since", notNullValue());
        Merchants.as(Merchants.staffToken(m, "operator")).get("/api/v1/members/" + teacher + "/referrals").then().statusCode(200);
        m.asOwner().get("/api/v1/members/" + first + "/referrals").then().statusCode(200).body("$", empty());
        m.asOwner().get("/api/v1/members/" + UUID.randomUUID() + "/referrals").then().statusCode(404)
                .body("code", equalTo("MEMBER_NOT_FOUND"));
    }

    @Test
    void unknownDeletedAndOtherMerchantsReferrersAreRefused() {
        Merchant m = Merchants.signUp("referral-unknown");
        Merchant other = Merchants.signUp("referral-other");
        String gone = member(m, "18800000011", "Gone", null);
        m.asOwner().delete("/api/v1/members/" + gone).then().statusCode(204);
        String elsewhere = member(other, "18800000012", "Elsewhere", null);

        for (String referrer : new String[] {gone, elsewhere, UUID.randomUUID().toString()}) {
            create(m, "18800000013", "New", referrer).statusCode(422)
                    .contentType("application/problem+json").body("code", equalTo("REFERRER_NOT_FOUND"));
        }
        m.asOwner().get("/api/v1/members?phone=18800000013").then().body("total", equalTo(0));
    }

    @Test
    void aReferrerIsSetOnceByUpdateAndNeverLoopsOrPointsAtItself() {
        Merchant m = Merchants.signUp("referral-loop");
        String a = member(m, "18800000021", "A", null);
        String b = member(m, "18800000022", "B", a);
        String c = member(m, "18800000023", "C", b);
        String d = member(m, "18800000024", "D", null);

        refer(m, a, a).statusCode(422).body("code", equalTo("REFERRAL_SELF"));
        refer(m, a, b).statusCode(422).body("code", equalTo("REFERRAL_LOOP"));
        refer(m, a, c).statusCode(422).body("code", equalTo("REFERRAL_LOOP"));
        m.asOwner().get("/api/v1/members/" + a).then().body("referredBy", nullValue());

        refer(m, a, d).statusCode(200).body("referredBy", equalTo(d));
        refer(m, a, d).statusCode(200).body("referredBy", equalTo(d));
        refer(m, b, d).statusCode(409).body("code", equalTo("REFERRER_ALREADY_SET"));
        m.asOwner().get("/api/v1/members/" + b).then().body("referredBy", equalTo(a));
        m.asOwner().get("/api/v1/members/" + d + "/referrals").then().body("id", contains(a));
        refer(m, d, c).statusCode(422).body("code", equalTo("REFERRAL_LOOP"));
        m.asOwner().get("/api/v1/members/" + d).then().body("referredBy", nullValue());
    }
}
