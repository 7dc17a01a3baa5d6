package io.memberhub.platform.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberCsvTest {

    private static final String WITH_ONE_BAD_ROW = """
            phone,name,gender,birthday,vip_note,allergies
            13600000001,Chen Jing,FEMALE,1988-03-08,likes tea,shellfish
            13600000002,"Liu, Yang",male,,,
            not-a-phone,Bad Row,ROBOT,1988-02-30,,
            13600000001,Duplicate In File,,,,
            """;

    private static Merchant merchantWithFields(String prefix) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("key", "vip_note", "label", "VIP note", "type", "TEXT")).post("/api/v1/member-fields").then().statusCode(201);
        m.asOwner().body(Map.of("key", "allergies", "label", "Allergies", "type", "TEXT", "private", true))
                .post("/api/v1/member-fields").then().statusCode(201);
        return m;
    }

    private static io.restassured.response.ValidatableResponse importCsv(Merchant m, String mode, String csv) {
        return m.asOwner().contentType("text/csv; charset=UTF-8").queryParam("mode", mode).body(csv).post("/api/v1/members/import").then();
    }

    @Test
    void allOrNothingImportsNoneWhenARowIsBadAndSaysWhichRowsAndWhy() {
        Merchant m = merchantWithFields("csv-all");

        importCsv(m, "all", WITH_ONE_BAD_ROW)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IMPORT_REJECTED"))
                .body("errors.field", hasItems("rows[4].phone", "rows[4].gender", "rows[4].birthday", "rows[5].phone"));

        m.asOwner().get("/api/v1/members").then().body("total", equalTo(0));
    }

    @Test
    void validModeImportsTheGoodRowsAndReportsTheRest() {
        Merchant m = merchantWithFields("csv-valid");

        importCsv(m, "valid", WITH_ONE_BAD_ROW)
                .statusCode(200)
                .body("rows", equalTo(4))
                .body("imported", equalTo(2))
                .body("rejected", equalTo(2))
                .body("committed", equalTo(true))
                .body("errors.row", hasItems(4, 5));

        m.asOwner().queryParam("phone", "13600000002").get("/api/v1/members")
                .then().body("items[0].name", equalTo("Liu, Yang")).body("items[0].gender", equalTo("MALE"))
                .body("items[0].registrationSource", equalTo("import"));
        // Importing the same file again finds the phones taken.
        importCsv(m, "valid", WITH_ONE_BAD_ROW).statusCode(200).body("imported", equalTo(0))
                .body("errors.message", hasItems("belongs to an existing member"));
    }

    @Test
    void aFileSavedByChineseExcelInGbkImportsWhenItSaysSo() {
        Merchant m = merchantWithFields("csv-gbk");
        byte[] gbk = "phone,name\n13600000021,张伟\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        m.asOwner().contentType("text/csv; charset=GBK").queryParam("mode", "all").body(gbk).post("/api/v1/members/import")
                .then().statusCode(200).body("imported", equalTo(1));
        m.asOwner().queryParam("phone", "13600000021").get("/api/v1/members").then().body("items[0].name", equalTo("张伟"));
        m.asOwner().contentType("text/csv; charset=klingon").body("phone\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/members/import")
                .then().statusCode(400).body("code", equalTo("UNSUPPORTED_CHARSET"));
    }

    @Test
    void aFileWithUnknownColumnsOrBrokenQuotingIsRefusedWhole() {
        Merchant m = merchantWithFields("csv-bad");
        importCsv(m, "valid", "phone,shoe_size\n13600000009,42\n")
                .statusCode(400).body("code", equalTo("UNKNOWN_COLUMN"));
        importCsv(m, "valid", "name\nNo Phone\n")
                .statusCode(400).body("code", equalTo("MISSING_COLUMN"));
        importCsv(m, "valid", "phone,name\n13600000010,\"unterminated\n")
                .statusCode(400).body("code", equalTo("MALFORMED_CSV"));
        importCsv(m, "sometimes", "phone\n").statusCode(400).body("errors[0].field", equalTo("mode"));
        m.asOwner().get("/api/v1/members").then().body("total", equalTo(0));
    }

    @Test
    void exportMasksPrivateFieldsUnlessAnAllowedRoleAsksAndReimports() {
        Merchant m = merchantWithFields("csv-export");
        importCsv(m, "all", """
                phone,name,vip_note,allergies
                13600000011,王芳,window seat,peanuts
                13600000012,Zhou Min,,
                """).statusCode(200).body("imported", equalTo(2));

        String masked = m.asOwner().accept("text/csv").get("/api/v1/members/export")
                .then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(m.slug()))
                .extract().asString();
        assertThat(masked).startsWith("\uFEFF");
        List<String> lines = Arrays.asList(masked.substring(1).split("\r\n"));
        assertThat(lines.getFirst()).isEqualTo("id,phone,name,gender,birthday,avatarUrl,registrationSource,email,createdAt,updatedAt,vip_note,allergies");
        assertThat(lines).hasSize(3);
        assertThat(masked).contains("王芳").contains("window seat").contains("***").doesNotContain("peanuts");

        String revealed = m.asOwner().accept("text/csv").queryParam("includePrivate", true).get("/api/v1/members/export")
                .then().statusCode(200).extract().asString();
        assertThat(revealed).contains("peanuts");

        String operator = Merchants.staffToken(m, "operator");
        Merchants.as(operator).accept("text/csv").queryParam("includePrivate", true).get("/api/v1/members/export")
                .then().statusCode(403).body("code", equalTo("PRIVATE_FIELDS"));

        Merchant other = merchantWithFields("csv-reimport");
        importCsv(other, "all", revealed).statusCode(200).body("imported", equalTo(2));
        other.asOwner().queryParam("phone", "13600000011").get("/api/v1/members").then().body("items[0].name", equalTo("王芳"));
    }
}
