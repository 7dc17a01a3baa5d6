package io.memberhub.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Segments are saved audiences whose counts and members are always current. */
@QuarkusTest
class SegmentTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Test
    void aSegmentCountsAndListsItsMembersLiveAsTagsChange() {
        Merchant m = Merchants.signUp("segments");
        String vip = tag(m, "VIP");
        String unsubscribed = tag(m, "Unsubscribed");
        String womanVip = member(m, "FEMALE");
        String manVip = member(m, "MALE");
        String unsubscribedVip = member(m, "FEMALE");
        member(m, "FEMALE");
        for (String member : List.of(womanVip, manVip, unsubscribedVip)) {
            m.asOwner().put("/api/v1/members/" + member + "/tags/" + vip).then().statusCode(200);
        }
        m.asOwner().put("/api/v1/members/" + unsubscribedVip + "/tags/" + unsubscribed).then().statusCode(200);

        String segment = m.asOwner().body(Map.of("name", "Women VIPs we may contact", "filter",
                        Map.of("tags", List.of(vip), "withoutTags", List.of(unsubscribed), "gender", "FEMALE")))
                .post("/api/v1/segments").then().statusCode(201).body("members", equalTo(1)).extract().path("id");
        m.asOwner().get("/api/v1/segments/" + segment + "/members").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(womanVip));

        m.asOwner().delete("/api/v1/members/" + unsubscribedVip + "/tags/" + unsubscribed).then().statusCode(200);
        m.asOwner().get("/api/v1/segments/" + segment).then().body("members", equalTo(2));
        List<String> ids = m.asOwner().get("/api/v1/segments/" + segment + "/members").then().extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactlyInAnyOrder(womanVip, unsubscribedVip);
        m.asOwner().get("/api/v1/segments").then().body("name", hasItem("Women VIPs we may contact"));
    }

    @Test
    void aSegmentOnlyNamesThisMerchantsTagsAndLevels() {
        Merchant m = Merchants.signUp("segments-bad");
        Merchant other = Merchants.signUp("segments-other");
        String theirs = tag(other, "Theirs");

        m.asOwner().body(Map.of("name", "Borrowed", "filter", Map.of("tags", List.of(theirs))))
                .post("/api/v1/segments").then().statusCode(400).body("errors[0].field", equalTo("filter.tags"));
        m.asOwner().body(Map.of("name", "Unknown field", "filter", Map.of("fields", Map.of("shoe_size", "42"))))
                .post("/api/v1/segments").then().statusCode(400).body("errors[0].field", equalTo("field.shoe_size"));
        String mine = m.asOwner().body(Map.of("name", "Everyone", "filter", Map.of())).post("/api/v1/segments")
                .then().statusCode(201).extract().path("id");
        m.asOwner().body(Map.of("name", "Everyone", "filter", Map.of())).post("/api/v1/segments")
                .then().statusCode(409).body("code", equalTo("SEGMENT_EXISTS"));
        other.asOwner().get("/api/v1/segments/" + mine).then().statusCode(404);
        Merchants.as(Merchants.staffToken(m, "operator")).body(Map.of("name", "Nope", "filter", Map.of()))
                .post("/api/v1/segments").then().statusCode(403);
    }

    private static String tag(Merchant m, String name) {
        return m.asOwner().body(Map.of("name", name)).post("/api/v1/tags").then().statusCode(201).extract().path("id");
    }

    private static String member(Merchant m, String gender) {
        return m.asOwner().body(Map.of("phone", String.format("1380014%04d", PHONES.incrementAndGet()), "gender", gender))
                .post("/api/v1/members").then().statusCode(201).extract().path("id");
    }
}
