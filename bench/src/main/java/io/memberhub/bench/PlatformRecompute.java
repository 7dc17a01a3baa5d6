package io.memberhub.bench;

import java.time.Duration;
import java.util.Map;
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

    /**
     * {@code POST /api/v1/tags/{id}/evaluation} in the background ({@code Prefer: respond-async}, as a
     * merchant of more than 100 000 members always is): the platform's worker evaluates id ranges of
     * 100 000 members, one set-based statement and transaction each; polled until done.
     */
    static TagOutcome evaluateTag(Api api, String tagId, Duration timeout) throws Exception {
        String evaluation = Api.field(api.post("/api/v1/tags/" + tagId + "/evaluation", "", Map.of("Prefer", "respond-async"), 202), "id");
        String done = awaitDone(api, "/api/v1/tags/" + tagId + "/evaluations/" + evaluation, "tag evaluation", timeout);
        return new TagOutcome(Api.number(done, "added"), Api.number(done, "removed"), Api.number(done, "members"));
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
        return tally(awaitDone(api, "/api/v1/level-reviews/" + reviewId, "level review", timeout));
    }

    /**
     * Polls background work (a level review, a tag evaluation) at {@code path} until its status is
     * DONE, printing its progress every 10 s; its final answer. Any other end, or outlasting
     * {@code timeout}, fails the benchmark.
     */
    private static String awaitDone(Api api, String path, String what, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long lastPrinted = start;
        while (true) {
            String answer = api.get(path);
            String status = Api.field(answer, "status");
            if (status.equals("DONE")) {
                return answer;
            }
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                throw new IllegalStateException(what + " " + path + " ended " + status + ": " + answer);
            }
            long now = System.nanoTime();
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException(what + " " + path + " still " + status + " after " + timeout + ": " + answer);
            }
            if (now - lastPrinted > 10_000_000_000L) {
                lastPrinted = now;
                System.out.printf("      %s %s: %d/%s members after %.0f s%n", what, status.toLowerCase(), Api.number(answer, "processed"),
                        answer.matches("(?s).*\"total\"\\s*:\\s*\\d.*") ? String.valueOf(Api.number(answer, "total")) : "?", (now - start) / 1e9);
            }
            // Polling a status with a timeout: the work runs on the platform's own background thread. The
            // interval bounds the error on its time (a tenth of a second) at little cost to the platform.
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
