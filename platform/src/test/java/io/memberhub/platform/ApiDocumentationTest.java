package io.memberhub.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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

    @Test
    void aLevelPreviewIsDocumentedAsALevelPlusTheOneItReplaces() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/levels/preview'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/LevelPreviewRequest"))
                .body("components.schemas.LevelPreviewRequest.allOf[0].'$ref'", equalTo("#/components/schemas/LevelRequest"))
                .body("components.schemas.LevelPreviewRequest.properties.keySet()", contains("replaces"))
                .body("components.schemas.LevelPreviewResponse.properties.keySet()",
                        containsInAnyOrder("basis", "asOf", "levels", "noLevel", "undecided"));
    }
}
