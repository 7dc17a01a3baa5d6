package io.memberhub.platform.concurrency;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Calls released together: every thread is started and waits on one latch, so the requests reach
 * the platform as close to the same moment as the client can make them. Each scenario prints one
 * summary line (prefix {@code CONCURRENCY |}) that docs/reliability.md is written from.
 */
final class Race {

    /** What one caller got back. */
    record Answer(int status, String contentType, String body, String replayed) {

        JsonPath json() {
            return new JsonPath(body);
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The problem's stable code, or the status and body when the answer is not a problem. */
        String code() {
            return isProblem() ? json().getString("code") : status + " " + body;
        }
    }

    private Race() {
    }

    /** Work on one racing thread; {@code i} is the thread's number. */
    interface Work<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code attempts} calls, call {@code i} made by {@code call.apply(i)}, on as many threads, all released at once. */
    static List<Answer> run(int attempts, IntFunction<Response> call) throws Exception {
        return together(attempts, i -> {
            Response r = call.apply(i);
            return new Answer(r.statusCode(), r.contentType(), r.asString(), r.header("Idempotent-Replayed"));
        });
    }

    /** Runs {@code work} on {@code threads} threads released at once by one latch; what each returned, by thread number. */
    static <T> List<T> together(int threads, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                running.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.run(n);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The racing threads did not all start");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                results.add(f.get(300, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** "201 x23, 409 IDEMPOTENCY_IN_PROGRESS x1": how many answers of each status (and problem code). */
    static String tally(List<Answer> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Answer a : answers) {
            counts.merge(a.isProblem() ? a.status() + " " + a.json().getString("code") : String.valueOf(a.status()), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(" x").append(v));
        return out.toString();
    }

    /** The scenario's one summary line. */
    static void report(String scenario, int threads, int attempts, String outcomes, String effect) {
        System.out.printf("CONCURRENCY | %s | threads=%d attempts=%d | %s | %s%n", scenario, threads, attempts, outcomes, effect);
    }
}
