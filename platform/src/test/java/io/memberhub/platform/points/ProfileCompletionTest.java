package io.memberhub.platform.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileCompletionTest {

    private static Merchant merchant(String prefix, int completionPoints) {
        Merchant m = Merchants.signUp(prefix);
        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365, "profileCompletionPoints", completionPoints))
                .put("/api/v1/points/settings").then().statusCode(200).body("profileCompletionPoints", equalTo(completionPoints));
        return m;
    }

    private static Map<String, Object> complete(String phone) {
        return new HashMap<>(Map.of("phone", phone, "name", "Han Meimei", "email", "han@example.com",
                "birthday", "1992-03-04", "gender", "FEMALE"));
    }

    private static String create(Merchant m, Map<String, Object> body) {
        return m.asOwner().body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    private static void patch(Merchant m, String member, Map<String, Object> body) {
        m.asOwner().body(body).patch("/api/v1/members/" + member).then().statusCode(200);
    }

    private static long balance(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                .body("consistent", equalTo(true)).extract().<Number>path("balance").longValue();
    }

    private static List<String> reasons(Merchant m, String member) {
        return m.asOwner().get("/api/v1/members/" + member + "/points/entries").then().statusCode(200).extract().path("reason");
    }

    @Test
    void aMemberCreatedCompleteEarnsOnceAndItDoesNotCountTowardALevel() {
        Merchant m = merchant("profile-create", 200);
        m.asOwner().body(Map.of("name", "Member", "rank", 0)).post("/api/v1/levels").then().statusCode(201);
        m.asOwner().body(Map.of("name", "Silver", "rank", 1, "upgradeRule", Map.of("metric", "POINTS_EARNED", "atLeast", 100)))
                .post("/api/v1/levels").then().statusCode(201);

        String member = create(m, complete("17700000001"));

        assertThat(balance(m, member)).isEqualTo(200);
        assertThat(reasons(m, member)).containsExactly("PROFILE_COMPLETED");
        m.asOwner().post("/api/v1/members/" + member + "/level/evaluate").then().statusCode(200)
                .body("level.name", equalTo("Member"))
                .body("next.checks.find { it.metric == 'POINTS_EARNED' }.actual", equalTo(0));
    }

    @Test
    void completingByUpdatePaysOnceEvenAfterFieldsAreClearedAndRefilled() {
        Merchant m = merchant("profile-update", 50);
        Map<String, Object> partial = complete("17700000002");
        partial.remove("email");
        String member = create(m, partial);
        assertThat(balance(m, member)).isZero();

        patch(m, member, Map.of("email", "late@example.com"));
        assertThat(balance(m, member)).isEqualTo(50);

        patch(m, member, Map.of("email", ""));
        m.asOwner().get("/api/v1/members/" + member).then().body("email", equalTo(null));
        patch(m, member, Map.of("email", "again@example.com"));
        patch(m, member, Map.of("name", "Han M."));

        assertThat(balance(m, member)).isEqualTo(50);
        assertThat(reasons(m, member)).containsExactly("PROFILE_COMPLETED");
    }

    @Test
    void requiredCustomFieldsArePartOfACompleteProfile() {
        Merchant m = merchant("profile-fields", 30);
        Map<String, Object> noEmail = complete("17700000003");
        noEmail.remove("email");
        String member = create(m, noEmail);
        m.asOwner().body(Map.of("key", "school", "label", "School", "type", "TEXT", "required", true))
                .post("/api/v1/member-fields").then().statusCode(201);

        patch(m, member, Map.of("email", "han@example.com"));
        assertThat(balance(m, member)).isZero();

        patch(m, member, Map.of("fields", Map.of("school", "No. 1 Middle School")));
        assertThat(balance(m, member)).isEqualTo(30);
    }

    @Test
    void aCompletionWhileTheSettingWasOffIsNotPaidLater() {
        Merchant m = merchant("profile-off", 0);
        String member = create(m, complete("17700000004"));
        assertThat(balance(m, member)).isZero();

        m.asOwner().body(Map.of("pointsPerYuan", 1, "validityDays", 365, "profileCompletionPoints", 80))
                .put("/api/v1/points/settings").then().statusCode(200);
        patch(m, member, Map.of("name", "Renamed"));

        assertThat(balance(m, member)).isZero();
        assertThat(reasons(m, member)).isEmpty();
    }

    @Test
    void importedCompleteRowsEarnAndARolledBackImportPaysNothing() {
        Merchant m = merchant("profile-import", 40);
        create(m, Map.of("phone", "17700000009"));
        // The last row's phone is found taken only when the batch is written, after the rows before it earned.
        String csv = """
                phone,name,email,birthday,gender
                17700000005,Li Lei,li@example.com,1990-01-02,MALE
                17700000006,Wei Hua,,1991-02-03,FEMALE
                17700000009,Taken,taken@example.com,1993-04-05,MALE
                """;
        m.asOwner().contentType("text/csv; charset=UTF-8").queryParam("mode", "all").body(csv).post("/api/v1/members/import")
                .then().statusCode(422).body("code", equalTo("IMPORT_REJECTED"));
        m.asOwner().get("/api/v1/members?phone=17700000005").then().body("total", equalTo(0));

        m.asOwner().contentType("text/csv; charset=UTF-8").queryParam("mode", "valid").body(csv).post("/api/v1/members/import")
                .then().statusCode(200).body("imported", equalTo(2));
        String complete = m.asOwner().get("/api/v1/members?phone=17700000005").then().extract().path("items[0].id");
        String incomplete = m.asOwner().get("/api/v1/members?phone=17700000006").then().extract().path("items[0].id");

        m.asOwner().get("/api/v1/members/" + complete).then().body("email", equalTo("li@example.com"));
        assertThat(balance(m, complete)).isEqualTo(40);
        assertThat(reasons(m, complete)).containsExactly("PROFILE_COMPLETED");
        assertThat(balance(m, incomplete)).isZero();
    }

    @Test
    void concurrentCompletionsPayOnce() throws Exception {
        Merchant m = merchant("profile-race", 25);
        Map<String, Object> partial = complete("17700000008");
        partial.remove("email");
        String member = create(m, partial);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "race" + i + "@example.com";
            calls.add(() -> m.asOwner().body(Map.of("email", email)).patch("/api/v1/members/" + member).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).contains(200);
        assertThat(balance(m, member)).isEqualTo(25);
        assertThat(reasons(m, member)).containsExactly("PROFILE_COMPLETED");
    }
}
