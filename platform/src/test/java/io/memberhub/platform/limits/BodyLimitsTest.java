package io.memberhub.platform.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Files and batches larger than their endpoint takes are refused with 413 problem+json naming the
 * limit, and change nothing: refused at once when the request declares its length (the client,
 * asking to continue first, never sends the body), and while being read when it does not.
 * Limits: market package 20 MiB, CSV import 32 MiB, activity batch 2 MiB, any other JSON body 1 MiB (the defaults).
 */
@QuarkusTest
class BodyLimitsTest {

    private static final long MiB = 1024 * 1024;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPackageOverTheMarketsLimitIsRefusedBeforeItIsReadOrAsItIsRead() throws Exception {
        String developer = developerToken();
        long size = 20 * MiB + 1;
        JsonPath declared = problem(send(post("/api/v1/market/developer/packages", developer, "application/zip")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.fromPublisher(zeros(size), size))), 413);
        assertThat(declared.getString("code")).isEqualTo("PACKAGE_TOO_LARGE");
        assertThat(declared.getString("detail")).contains("at most 20 MiB");

        // Sent without a length (chunked): the platform counts what arrives.
        JsonPath streamed = problem(send(post("/api/v1/market/developer/packages", developer, "application/zip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zeroStream(size)))), 413);
        assertThat(streamed.getString("code")).isEqualTo("PACKAGE_TOO_LARGE");
        assertThat(Merchants.as(developer).get("/api/v1/market/developer/modules").then().statusCode(200).extract().jsonPath().getList("$"))
                .as("nothing kept").isEmpty();
        System.out.println("[abuse] oversized uploads: 20 MiB + 1 byte package refused 413 (declared and chunked)");
    }

    @Test
    void aCsvImportOverItsLimitIsRefusedAndImportsNobody() throws Exception {
        Merchant m = Merchants.signUp("limits-csv");
        long size = 32 * MiB + 1;
        JsonPath declared = problem(send(post("/api/v1/members/import?mode=valid", m.ownerToken(), "text/csv")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.fromPublisher(zeros(size), size))), 413);
        assertThat(declared.getString("code")).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(declared.getString("detail")).contains("at most 32 MiB");

        // Without a length: good rows first, then a field that never ends. Counted as read; the rows before it are not kept.
        byte[] head = "phone,name\n13900000001,Ann\n13900000002,Bob\n13900000003,\"".getBytes(StandardCharsets.UTF_8);
        JsonPath streamed = problem(send(post("/api/v1/members/import?mode=valid", m.ownerToken(), "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
                        letters(size))))), 413);
        assertThat(streamed.getString("code")).isEqualTo("IMPORT_TOO_LARGE");
        assertThat(TenantSql.query(m.id(), "select 1 from member")).as("nothing imported").isEmpty();
        System.out.println("[abuse] oversized uploads: 32 MiB + 1 byte member CSV refused 413 (declared and chunked), nobody imported");
    }

    @Test
    void anActivityBatchOverItsLimitIsRefusedAndRecordsNothing() throws Exception {
        Merchant m = Merchants.signUp("limits-activity");
        String member = m.member("13900000011");
        String item = "{\"memberId\":\"" + member + "\",\"type\":\"BROWSE\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"attributes\":{\"page\":\""
                + "x".repeat(1000) + "\"}}";
        StringBuilder batch = new StringBuilder("{\"items\":[");
        while (batch.length() <= 2 * MiB) {
            batch.append(batch.charAt(batch.length() - 1) == '[' ? "" : ",").append(item);
        }
        batch.append("]}");
        JsonPath refused = problem(send(post("/api/v1/activity", m.ownerToken(), "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(batch.toString()))), 413);
        assertThat(refused.getString("code")).isEqualTo("BATCH_TOO_LARGE");
        assertThat(refused.getString("detail")).contains("at most 2 MiB");
        assertThat(TenantSql.query(m.id(), "select 1 from member_activity")).isEmpty();
    }

    @Test
    void anyOtherJsonBodyOverOneMiBIsRefusedDeclaredOrChunkedAndRegistersNobody() throws Exception {
        Merchant m = Merchants.signUp("limits-json");
        String body = "{\"phone\":\"13900000012\",\"name\":\"" + "x".repeat((int) MiB) + "\"}";
        JsonPath declared = problem(send(post("/api/v1/members", m.ownerToken(), "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 413);
        assertThat(declared.getString("code")).isEqualTo("BODY_TOO_LARGE");
        assertThat(declared.getString("detail")).contains("at most 1 MiB");
        // Chunked, and broken JSON past the limit: the size is what is refused, not the syntax the reader would meet later.
        byte[] chunked = (body + "}}}").getBytes(StandardCharsets.UTF_8);
        JsonPath streamed = problem(send(post("/api/v1/members", m.ownerToken(), "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))), 413);
        assertThat(streamed.getString("code")).isEqualTo("BODY_TOO_LARGE");
        assertThat(TenantSql.query(m.id(), "select 1 from member where phone = '13900000012'")).isEmpty();
    }

    private static String developerToken() {
        String email = "dev-" + UUID.randomUUID() + "@limits.test";
        given().contentType("application/json").body(Map.of("name", "Dev limits", "email", email, "password", Merchants.PASSWORD))
                .post("/api/v1/market/developers").then().statusCode(201);
        return Merchants.token(email, Merchants.PASSWORD);
    }

    private static HttpRequest.Builder post(String path, String token, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonPath problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JsonPath.from(response.body());
    }

    private static java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> zeros(long size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> zeroStream(size));
    }

    private static InputStream zeroStream(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static InputStream letters(long size) {
        InputStream zeros = zeroStream(size);
        return new java.io.FilterInputStream(zeros) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                }
                return n;
            }
        };
    }
}
