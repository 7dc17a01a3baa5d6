package io.memberhub.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiDocumentationTest {

    @Test
    void theOpenApiDocumentDescribesThePublicApi() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("\"/api/v1/tenants\""))
                .body(containsString("\"/api/v1/members/import\""))
                .body(containsString("\"/api/v1/member-fields/{key}\""))
                .body(containsString("\"/api/v1/reports/dashboard\""))
                .body(containsString("MemberHub API"));
    }
}
