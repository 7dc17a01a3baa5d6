package io.memberhub.platform.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.Merchants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignUpTest {

    private static Map<String, Object> signUp(String slug, String email) {
        return Map.of("merchantName", "Fresh Shop", "slug", slug, "ownerEmail", email, "ownerPassword", Merchants.PASSWORD);
    }

    @Test
    void merchantSignsUpAndTheOwnerSignsIntoTheirTenant() {
        var merchant = Merchants.signUp("fresh");

        merchant.asOwner().get("/api/v1/tenant")
                .then().statusCode(200)
                .body("slug", equalTo(merchant.slug()))
                .body("id", equalTo(merchant.id()))
                .body("name", equalTo("Shop " + merchant.slug()));
        merchant.asOwner().get("/api/v1/staff")
                .then().statusCode(200)
                .body("email", hasItem(merchant.ownerEmail()))
                .body("role", hasItem("owner"));
    }

    @Test
    void aTakenSlugOrEmailIsAClearConflict() {
        var merchant = Merchants.signUp("taken");

        given().contentType(ContentType.JSON).body(signUp(merchant.slug(), "someone-else@" + merchant.slug() + ".test"))
                .post("/api/v1/tenants")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("TENANT_SLUG_TAKEN"));
        given().contentType(ContentType.JSON).body(signUp(Merchants.uniqueSlug("other"), merchant.ownerEmail()))
                .post("/api/v1/tenants")
                .then().statusCode(409)
                .body("code", equalTo("EMAIL_TAKEN"));
    }

    @Test
    void badInputIsRejectedFieldByFieldAndCreatesNothing() {
        String slug = Merchants.uniqueSlug("bad");
        given().contentType(ContentType.JSON)
                .body(Map.of("merchantName", "", "slug", "Not A Slug!", "ownerEmail", "nope", "ownerPassword", "short"))
                .post("/api/v1/tenants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("merchantName", "slug", "ownerEmail", "ownerPassword"));
        given().contentType(ContentType.JSON).body("{\"merchantName\": ")
                .post("/api/v1/tenants")
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).body(Map.of("merchantName", "X", "slug", slug, "ownerEmail", "a@b.test",
                        "ownerPassword", Merchants.PASSWORD, "plan", "free"))
                .post("/api/v1/tenants")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD")).body("errors[0].field", equalTo("plan"));

        assertThat(KeycloakAdminAccess.organizations(slug)).isEmpty();
    }

    @Test
    void whenKeycloakRefusesMidwayNothingIsLeftBehind() {
        // A login whose username is the email but whose email differs: the platform's email check
        // passes, Keycloak then refuses the user after the organization was already created.
        String slug = Merchants.uniqueSlug("midway");
        String email = "clash@" + slug + ".test";
        KeycloakAdminAccess.createUser(email, "different@" + slug + ".test");

        given().contentType(ContentType.JSON).body(signUp(slug, email))
                .post("/api/v1/tenants")
                .then().statusCode(409).body("code", equalTo("EMAIL_TAKEN"));

        assertThat(KeycloakAdminAccess.organizations(slug)).as("organization removed again").isEmpty();
        given().contentType(ContentType.JSON).body(signUp(slug, "fine@" + slug + ".test"))
                .post("/api/v1/tenants")
                .then().statusCode(201);
    }

    @Test
    void anOrganizationThatExistsOnlyInKeycloakStopsTheSignUpCleanly() {
        String slug = Merchants.uniqueSlug("orphan");
        KeycloakAdminAccess.createOrganization(slug);
        String email = "owner@" + slug + ".test";

        given().contentType(ContentType.JSON).body(signUp(slug, email))
                .post("/api/v1/tenants")
                .then().statusCode(409).body("code", equalTo("TENANT_SLUG_TAKEN"));

        assertThat(KeycloakAdminAccess.usersByEmail(email)).as("no login created").isEmpty();
    }
}
