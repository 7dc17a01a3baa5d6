package io.memberhub.platform.level;

import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants.Merchant;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;

/** Waits, by asking the API, until level reviews running in the background have finished. */
public final class LevelReviewsAwait {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private LevelReviewsAwait() {
    }

    /** Until every review of the merchant is done; fails if one failed. */
    public static void done(Merchant m) {
        List<String> statuses = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> m.asOwner().get("/api/v1/level-reviews").then().statusCode(200).extract().<List<String>>path("status"),
                        all -> all.stream().allMatch(s -> s.equals("DONE") || s.equals("FAILED")));
        if (statuses.contains("FAILED")) {
            throw new AssertionError("A level review failed: " + m.asOwner().get("/api/v1/level-reviews").asString());
        }
    }

    /** Until the review has finished; its final state, which must be DONE. */
    static JsonPath done(Merchant m, String review) {
        JsonPath finished = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> m.asOwner().get("/api/v1/level-reviews/" + review).then().statusCode(200).extract().jsonPath(),
                        r -> !r.getString("status").equals("QUEUED") && !r.getString("status").equals("RUNNING"));
        if (!finished.getString("status").equals("DONE")) {
            throw new AssertionError("Level review " + review + " ended " + finished.getString("status") + ": " + finished.getString("error"));
        }
        return finished;
    }
}
