package io.memberhub.platform.member;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomFieldTest {

    // Set up on first use: RestAssured points at the test application only once a test runs.
    private static Merchant gym;
    private static String operator;

    @BeforeEach
    void defineFieldsOnce() {
        if (gym != null) {
            return;
        }
        gym = Merchants.signUp("fields");
        operator = Merchants.staffToken(gym, "operator");
        field(Map.of("key", "level_goal", "label", "Goal", "type", "SINGLE_CHOICE", "required", true,
                "defaultValue", "fitness", "options", List.of("fitness", "weight_loss", "strength")));
        field(Map.of("key", "first_visit", "label", "First visit", "type", "DATE"));
        field(Map.of("key", "photo", "label", "Photo", "type", "IMAGE"));
        field(Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", true));
    }

    static void field(Map<String, Object> definition) {
        gym.asOwner().body(definition).post("/api/v1/member-fields").then().statusCode(201);
    }

    @Test
    void valuesAreCheckedAgainstTheirDefinitionAndDefaultsApply() {
        String id = gym.asOwner().body(Map.of("phone", "13700000001", "fields", Map.of("first_visit", "2024-02-29")))
                .post("/api/v1/members")
                .then().statusCode(201)
                .body("fields.level_goal", equalTo("fitness"))
                .body("fields.first_visit", equalTo("2024-02-29"))
                .extract().path("id");

        gym.asOwner().body(Map.of("phone", "13700000002", "fields", Map.of("level_goal", "dancing",
                        "first_visit", "yesterday", "photo", "not a url", "shoe_size", "42")))
                .post("/api/v1/members")
                .then().statusCode(400)
                .body("errors.field", hasItems("fields.level_goal", "fields.first_visit", "fields.photo", "fields.shoe_size"));
        gym.asOwner().body(Map.of("fields", Map.of("level_goal", ""))).patch("/api/v1/members/" + id)
                .then().statusCode(400).body("errors[0].message", equalTo("is required"));
    }

    @Test
    void privateFieldsAreShownOnlyToRolesAllowedAndNeverInLists() {
        String id = gym.asOwner().body(Map.of("phone", "13700000003", "fields", Map.of("allergies", "peanuts")))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");

        gym.asOwner().get("/api/v1/members/" + id).then().body("fields.allergies", equalTo("peanuts"));
        Merchants.as(operator).get("/api/v1/members/" + id).then().statusCode(200).body("fields.allergies", equalTo("***"));
        gym.asOwner().queryParam("phone", "13700000003").get("/api/v1/members")
                .then().body("items[0].fields.allergies", equalTo("***"));
        Merchants.as(operator).queryParam("field.allergies", "peanuts").get("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("field.allergies"));
        Merchants.as(operator).body(Map.of("fields", Map.of("allergies", "none"))).patch("/api/v1/members/" + id)
                .then().statusCode(400);
        gym.asOwner().get("/api/v1/members/" + id).then().body("fields.allergies", equalTo("peanuts"));
    }

    @Test
    void definitionsAreManagedByOwnersAndAdminsOnly() {
        Merchants.as(operator).get("/api/v1/member-fields").then().statusCode(200);
        Merchants.as(operator).body(Map.of("key", "x", "label", "X", "type", "TEXT")).post("/api/v1/member-fields")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        gym.asOwner().body(Map.of("key", "first_visit", "label", "Again", "type", "DATE")).post("/api/v1/member-fields")
                .then().statusCode(409).body("code", equalTo("FIELD_KEY_TAKEN"));
        gym.asOwner().body(Map.of("key", "tier", "label", "Tier", "type", "SINGLE_CHOICE")).post("/api/v1/member-fields")
                .then().statusCode(400).body("errors[0].field", equalTo("options"));
        gym.asOwner().body(Map.of("key", "Bad Key", "label", "X", "type", "TEXT")).post("/api/v1/member-fields")
                .then().statusCode(400).body("errors[0].field", equalTo("key"));
        gym.asOwner().body(Map.of("key", "first_visit", "label", "First", "type", "TEXT")).put("/api/v1/member-fields/first_visit")
                .then().statusCode(409).body("code", equalTo("FIELD_TYPE_FIXED"));
    }

    @Test
    void deletingAFieldRemovesItsValues() {
        field(Map.of("key", "locker", "label", "Locker", "type", "TEXT"));
        String id = gym.asOwner().body(Map.of("phone", "13700000004", "fields", Map.of("locker", "A-12")))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        gym.asOwner().delete("/api/v1/member-fields/locker").then().statusCode(204);
        gym.asOwner().get("/api/v1/members/" + id).then().body("fields.locker", nullValue());
        gym.asOwner().get("/api/v1/member-fields/locker").then().statusCode(404);
    }
}
