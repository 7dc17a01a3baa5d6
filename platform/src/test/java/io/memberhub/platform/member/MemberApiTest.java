package io.memberhub.platform.member;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberApiTest {

    // Signed up on first use: RestAssured points at the test application only once a test runs.
    private static Merchant shop;

    private static synchronized Merchant shop() {
        if (shop == null) {
            shop = Merchants.signUp("members");
        }
        return shop;
    }

    static String create(Merchant merchant, Map<String, Object> member) {
        return merchant.asOwner().body(member).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aMemberIsCreatedReadChangedAndDeleted() {
        String id = create(shop(), Map.of("phone", "138 0013 8000", "name", "Li Lei", "gender", "MALE",
                "birthday", "1990-05-31", "registrationSource", "store",
                "addresses", List.of(Map.of("recipient", "Li Lei", "detail", "1 Fresh Road", "isDefault", true))));

        shop().asOwner().get("/api/v1/members/" + id)
                .then().statusCode(200)
                .body("phone", equalTo("13800138000"))
                .body("name", equalTo("Li Lei"))
                .body("birthday", equalTo("1990-05-31"))
                .body("registrationSource", equalTo("store"))
                .body("addresses[0].detail", equalTo("1 Fresh Road"))
                .body("version", equalTo(0));

        shop().asOwner().body(Map.of("name", "Li Lei (VIP)")).patch("/api/v1/members/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Li Lei (VIP)"))
                .body("gender", equalTo("MALE"))
                .body("version", equalTo(1));

        shop().asOwner().body(Map.of("name", "Stale", "version", 0)).patch("/api/v1/members/" + id)
                .then().statusCode(409).body("code", equalTo("CONCURRENT_UPDATE"));

        shop().asOwner().delete("/api/v1/members/" + id).then().statusCode(204);
        shop().asOwner().get("/api/v1/members/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("MEMBER_NOT_FOUND"));
        // The phone is free again after a delete.
        create(shop(), Map.of("phone", "13800138000"));
    }

    @Test
    void aPhoneBelongsToOneLiveMemberPerMerchant() {
        create(shop(), Map.of("phone", "13900000001"));
        shop().asOwner().body(Map.of("phone", "139-0000-0001")).post("/api/v1/members")
                .then().statusCode(409).body("code", equalTo("MEMBER_PHONE_TAKEN"));
        // Another merchant may have a member with the same phone.
        create(Merchants.signUp("other-members"), Map.of("phone", "13900000001"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String id = create(shop(), Map.of("phone", "13900000002", "name", "Before"));

        shop().asOwner().body(Map.of("phone", "12", "birthday", "2999-01-01", "avatarUrl", "ftp://x",
                        "addresses", List.of(Map.of("label", "home"))))
                .post("/api/v1/members")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("phone", "birthday", "avatarUrl", "addresses[0].detail"));
        shop().asOwner().body("{\"phone\": 13900000003, \"gender\": \"ROBOT\"}").post("/api/v1/members")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD_TYPE")).body("errors[0].field", equalTo("gender"));
        shop().asOwner().body("{\"phone\": \"13900000003\", \"nickname\": \"x\"}").post("/api/v1/members")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"));
        shop().asOwner().body("{\"phone\": ").post("/api/v1/members")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        shop().asOwner().body(Map.of("name", "After", "phone", "not-a-phone")).patch("/api/v1/members/" + id)
                .then().statusCode(400).body("errors.field", hasItem("phone"));
        shop().asOwner().get("/api/v1/members/not-a-uuid").then().statusCode(400).body("code", equalTo("INVALID_PARAMETER"));

        shop().asOwner().get("/api/v1/members/" + id).then().statusCode(200).body("name", equalTo("Before"));
        shop().asOwner().queryParam("phone", "13900000003").get("/api/v1/members").then().body("total", equalTo(0));
    }

    @Test
    void membersAreFoundByPhoneNameAndFieldsPageByPage() {
        var merchant = Merchants.signUp("search");
        merchant.asOwner().body(Map.of("key", "city", "label", "City", "type", "SINGLE_CHOICE",
                "options", List.of("Shanghai", "Beijing"))).post("/api/v1/member-fields").then().statusCode(201);
        create(merchant, Map.of("phone", "13100000001", "name", "Wang Fang", "fields", Map.of("city", "Shanghai")));
        create(merchant, Map.of("phone", "13100000002", "name", "Zhang Wei", "fields", Map.of("city", "Beijing")));
        create(merchant, Map.of("phone", "13200000003", "name", "Wang Wei", "fields", Map.of("city", "Shanghai")));

        merchant.asOwner().queryParam("q", "wang").queryParam("sort", "name,asc").get("/api/v1/members")
                .then().statusCode(200).body("total", equalTo(2)).body("items.name", contains("Wang Fang", "Wang Wei"));
        merchant.asOwner().queryParam("q", "131").get("/api/v1/members").then().body("total", equalTo(2));
        merchant.asOwner().queryParam("field.city", "Shanghai").queryParam("name", "wei").get("/api/v1/members")
                .then().body("items.phone", contains("13200000003"));
        merchant.asOwner().queryParam("size", 2).queryParam("page", 1).queryParam("sort", "phone,asc").get("/api/v1/members")
                .then().body("total", equalTo(3)).body("items.phone", contains("13200000003"));
        merchant.asOwner().queryParam("q", "%").get("/api/v1/members").then().body("total", equalTo(0));

        merchant.asOwner().queryParam("size", 1000).get("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        merchant.asOwner().queryParam("sort", "password,desc").get("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        merchant.asOwner().queryParam("field.shoe", "42").get("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("field.shoe"));
    }

    @Test
    void withoutAValidTokenNothingIsServed() {
        io.restassured.RestAssured.given().get("/api/v1/members")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        Merchants.as("not.a.token").get("/api/v1/members").then().statusCode(401);
        shop().asOwner().get("/api/v1/no-such-thing").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        shop().asOwner().get("/api/v1/members/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("detail", equalTo("No member 00000000-0000-0000-0000-000000000000"))
                .body("errors", nullValue());
    }
}
