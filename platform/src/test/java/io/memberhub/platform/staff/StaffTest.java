package io.memberhub.platform.staff;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffTest {

    @Test
    void theOwnerInvitesStaffWhoSignInWithTheirRole() {
        Merchant m = Merchants.signUp("staff");
        String admin = Merchants.staffToken(m, "admin");
        String operator = Merchants.staffToken(m, "operator");

        m.asOwner().get("/api/v1/staff").then().statusCode(200).body("role", hasItems("owner", "admin", "operator"));
        Merchants.as(admin).get("/api/v1/staff").then().statusCode(200);
        Merchants.as(operator).get("/api/v1/staff").then().statusCode(403);
        Merchants.as(operator).get("/api/v1/members").then().statusCode(200);
        Merchants.as(operator).get("/api/v1/staff/me").then().statusCode(200).body("role", equalTo("operator"));
        m.asOwner().get("/api/v1/staff/me").then().statusCode(200)
                .body("role", equalTo("owner")).body("email", equalTo(m.ownerEmail()));

        Merchants.as(admin).body(Map.of("email", "another-admin@" + m.slug() + ".test", "role", "admin"))
                .post("/api/v1/staff").then().statusCode(403).body("code", equalTo("OWNER_ONLY"));
        Merchants.as(admin).body(Map.of("email", "new-op@" + m.slug() + ".test", "role", "operator"))
                .post("/api/v1/staff").then().statusCode(201)
                .body("role", equalTo("operator"))
                .body("temporaryPassword", notNullValue());
        m.asOwner().body(Map.of("email", "x@" + m.slug() + ".test", "role", "owner"))
                .post("/api/v1/staff").then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void aPersonAlreadyOnStaffCannotBeInvitedTwiceAndTheOwnerStaysOwner() {
        Merchant m = Merchants.signUp("staff-twice");
        m.asOwner().body(Map.of("email", m.ownerEmail(), "role", "admin")).post("/api/v1/staff")
                .then().statusCode(409).body("code", equalTo("STAFF_EXISTS"));
        String ownerStaffId = m.asOwner().get("/api/v1/staff").then().extract().path("find { it.role == 'owner' }.id");
        m.asOwner().body(Map.of("role", "operator")).put("/api/v1/staff/" + ownerStaffId + "/role")
                .then().statusCode(409).body("code", equalTo("OWNER_ROLE_FIXED"));
    }

    @Test
    void removedStaffLoseAccess() {
        Merchant m = Merchants.signUp("staff-remove");
        String operator = Merchants.staffToken(m, "operator");
        String id = m.asOwner().get("/api/v1/staff").then().extract().path("find { it.role == 'operator' }.id");

        m.asOwner().delete("/api/v1/staff/" + id).then().statusCode(204);
        Merchants.as(operator).get("/api/v1/members").then().statusCode(403);
    }
}
