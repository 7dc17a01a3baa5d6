package io.memberhub.bench;

import java.time.Duration;
import java.util.regex.Pattern;

/** The platform's own bulk recomputation, through its API: a rule tag's evaluation and a level review. */
final class PlatformRecompute {

    private static final Pattern OPEN_REVIEW = Pattern.compile("\"status\"\\s*:\\s*\"(QUEUED|RUNNING)\"");

    /** What a finished level review reports. */
    record ReviewTally(long total, long processed, long upgraded, long downgraded, long notified) {
        @Override
        public String toString() {
            return processed + "/" + total + " reviewed, " + upgraded + " upgraded, " + downgraded + " downgraded, " + notified + " told of a drop";
        }
    }

    /** What a tag evaluation reports. */
    record TagOutcome(long added, long removed, long members) {
        @Override
        public String toString() {
            return added + " added, " + removed + " removed, " + members + " carry it";
        }
    }

    private PlatformRecompute() {
    }

    /** {@code POST /api/v1/tags/{id}/evaluation}: synchronous, one set-based statement in the platform. */
    static TagOutcome evaluateTag(Api api, String tagId) throws Exception {
        String answer = api.post("/api/v1/tags/" + tagId + "/evaluation", "", 200);
        return new TagOutcome(Api.number(answer, "added"), Api.number(answer, "removed"), Api.number(answer, "members"));
    }

    /** {@code POST /api/v1/level-reviews}: queues a review of every member and answers at once with its id. */
    static String requestReview(Api api) throws Exception {
        return Api.field(api.post("/api/v1/level-reviews", "", 202), "id");
    }

    /**
     * Polls the review until it is done, printing its progress now and then; a failed review, or one
     * that outlasts {@code timeout}, fails the benchmark.
     */
    static ReviewTally awaitReview(Api api, String reviewId, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long lastPrinted = start;
        while (true) {
            String review = api.get("/api/v1/level-reviews/" + reviewId);
            String status = Api.field(review, "status");
            if (status.equals("DONE")) {
                return tally(review);
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("Level review " + reviewId + " failed: " + review);
            }
            long now = System.nanoTime();
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException("Level review " + reviewId + " still " + status + " after " + timeout + ": " + review);
            }
            if (now - lastPrinted > 10_000_000_000L) {
                lastPrinted = now;
                System.out.printf("      level review %s: %d/%s members after %.0f s%n", status.toLowerCase(), Api.number(review, "processed"),
                        review.contains("\"total\":null") ? "?" : String.valueOf(Api.number(review, "total")), (now - start) / 1e9);
            }
            // Polling a status with a timeout: the review runs on the platform's own background thread. The
            // interval bounds the error on a review's time (a tenth of a second) at little cost to the platform.
            Thread.sleep(100);
        }
    }

    /** Waits (up to a minute) until no level review is queued or running, as after ladder changes. */
    static void awaitNoReviewOpen(Api api) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (OPEN_REVIEW.matcher(api.get("/api/v1/level-reviews")).find()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Level reviews still open after a minute: " + api.get("/api/v1/level-reviews"));
            }
            Thread.sleep(200);
        }
    }

    private static ReviewTally tally(String review) {
        return new ReviewTally(Api.number(review, "total"), Api.number(review, "processed"), Api.number(review, "upgraded"),
                Api.number(review, "downgraded"), Api.number(review, "notified"));
    }
}
