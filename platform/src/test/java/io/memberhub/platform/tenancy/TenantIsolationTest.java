package io.memberhub.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant A must not list, read, change or delete anything of tenant B, through the API or in SQL. */
@QuarkusTest
class TenantIsolationTest {

    // Set up on first use: RestAssured points at the test application only once a test runs.
    private static Merchant a;
    private static Merchant b;
    private static String bMember;

    @BeforeEach
    void twoMerchantsOnce() {
        if (a != null) {
            return;
        }
        a = Merchants.signUp("iso-a");
        b = Merchants.signUp("iso-b");
        b.asOwner().body(Map.of("key", "secret_note", "label", "Note", "type", "TEXT")).post("/api/v1/member-fields")
                .then().statusCode(201);
        bMember = b.asOwner().body(Map.of("phone", "15000000001", "name", "B's member", "fields", Map.of("secret_note", "b only")))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
        a.asOwner().body(Map.of("phone", "15000000002", "name", "A's member")).post("/api/v1/members").then().statusCode(201);
    }

    @Test
    void aCannotReachBsMembersThroughAnyEndpoint() {
        a.asOwner().get("/api/v1/members/" + bMember).then().statusCode(404);
        a.asOwner().body(Map.of("name", "hijacked")).patch("/api/v1/members/" + bMember).then().statusCode(404);
        a.asOwner().delete("/api/v1/members/" + bMember).then().statusCode(404);
        a.asOwner().queryParam("phone", "15000000001").get("/api/v1/members").then().body("total", equalTo(0));
        a.asOwner().get("/api/v1/members").then().body("items.name", not(hasItem("B's member")));
        a.asOwner().get("/api/v1/member-fields").then().body("key", not(hasItem("secret_note")));
        a.asOwner().get("/api/v1/member-fields/secret_note").then().statusCode(404);
        a.asOwner().delete("/api/v1/member-fields/secret_note").then().statusCode(404);
        a.asOwner().accept("text/csv").get("/api/v1/members/export")
                .then().statusCode(200).body(not(containsString("15000000001")));

        b.asOwner().get("/api/v1/members/" + bMember).then().statusCode(200)
                .body("name", equalTo("B's member")).body("fields.secret_note", equalTo("b only"));
    }

    @Test
    void aCannotSeeChangeOrRemoveBsStaff() {
        Merchants.staffToken(b, "operator");
        String bOperator = b.asOwner().get("/api/v1/staff").then().extract().path("find { it.role == 'operator' }.id");

        a.asOwner().get("/api/v1/staff").then().body("email", not(hasItem(b.ownerEmail())));
        a.asOwner().body(Map.of("role", "admin")).put("/api/v1/staff/" + bOperator + "/role").then().statusCode(404);
        a.asOwner().delete("/api/v1/staff/" + bOperator).then().statusCode(404);

        b.asOwner().get("/api/v1/staff").then().body("find { it.id == '" + bOperator + "' }.role", equalTo("operator"));
    }

    @Test
    void aTenantHeaderCannotChooseAnOrganizationTheTokenDoesNotName() {
        a.asOwner().header(CallContextResolver.TENANT_HEADER, b.slug()).get("/api/v1/members")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        a.asOwner().header(CallContextResolver.TENANT_HEADER, b.slug()).get("/api/v1/tenant")
                .then().statusCode(403).body("code", equalTo("NOT_STAFF"));
        a.asOwner().get("/api/v1/tenant").then().body("slug", equalTo(a.slug()));
    }

    @Test
    void theApplicationsDatabaseRoleSeesOnlyTheTenantSetForItsTransaction() throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            assertThat(names(db)).as("no tenant set: nothing visible").isEmpty();

            setTenant(db, a.id());
            assertThat(names(db)).contains("A's member").doesNotContain("B's member");
            try (var update = db.prepareStatement("update member set name = 'hijacked' where id = ?::uuid")) {
                update.setString(1, bMember);
                assertThat(update.executeUpdate()).as("B's row cannot be updated under A").isZero();
            }
            try (var insert = db.prepareStatement("insert into member (tenant_id, id, phone, gender, registration_source, created_at, updated_at, version) "
                    + "values (?, gen_random_uuid(), '15000000009', 'UNDISCLOSED', 'sql', now(), now(), 0)")) {
                insert.setString(1, b.id());
                assertThatThrownBy(insert::executeUpdate)
                        .as("a row for B cannot be written under A").hasMessageContaining("row-level security");
            }
            db.rollback();

            assertThat(names(db)).as("the setting ended with the transaction").isEmpty();
            try (var role = db.createStatement().executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                role.next();
                assertThat(role.getBoolean(1)).isFalse();
                assertThat(role.getBoolean(2)).isFalse();
            }
        }
    }

    private static void setTenant(Connection db, String tenantId) throws SQLException {
        try (var set = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenantId);
            set.execute();
        }
    }

    private static List<String> names(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("select coalesce(name, '') from member")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
