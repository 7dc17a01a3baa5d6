package io.memberhub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A night's bulk recomputation for many members (issue 8): one rule tag evaluated for everyone and
 * every member's level reviewed, by the platform through its API, next to a hand-written set-based
 * SQL statement for each doing the same in the same run, from the same starting state; both end
 * states must agree. Then the order throughput through the API with and without a recomputation
 * running beside it.
 */
public final class RecomputeBenchmark {

    private static final int ORDER_MEMBERS = 1000;

    private RecomputeBenchmark() {
    }

    record Options(Path repo, int members, int concurrency, Duration loadTime, Duration reviewTimeout, boolean fromScratch) {
    }

    /** A phase's time and what it reported. */
    record Timed(double seconds, String outcome) {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Duration.ofSeconds(Long.parseLong(args[3])), Duration.ofMinutes(Long.parseLong(args[4])), args[5].equals("1"));
        System.out.printf("==> Recompute benchmark: %,d members, %d concurrent order clients, order load %d s%n", options.members(),
                options.concurrency(), options.loadTime().toSeconds());
        try (PlatformRun run = PlatformRun.start(options.repo())) {
            Api api = run.api();
            RecomputeMerchant merchant = RecomputeMerchant.prepare(api, run.keycloak());
            try (RecomputeData data = new RecomputeData(run, merchant); Connection db = run.appConnection()) {
                System.out.println("==> Generating members and orders in PostgreSQL");
                data.generate(options.members());
                Comparison scratch = null;
                if (options.fromScratch()) {
                    data.snapshotStart();
                    scratch = compare("from scratch: nobody has a level or the tag yet, every member changes", api, db, data, merchant, options);
                }
                System.out.println("==> Bringing every level and tag up to date (the set-based statements, so that the set-up stays quick)");
                SetBasedRecompute.tag(db, merchant);
                SetBasedRecompute.levels(db, merchant);
                data.forgetSetUpHistory();
                System.out.println("==> A day passes: new orders, old ones ageing out of the windows");
                data.nightOfChanges();
                data.snapshotStart();
                Comparison nightly = compare("nightly: few members change", api, db, data, merchant, options);

                System.out.println("==> Order throughput through the API, without and with a recomputation beside it");
                double[] throughput = throughput(api, run.cpu(), data, merchant, options);

                System.out.println();
                nightly.print();
                if (scratch != null) {
                    scratch.print();
                }
                System.out.printf("orders without a recomputation     %8.0f orders/s%n", throughput[0]);
                System.out.printf("orders during a recomputation      %8.0f orders/s%n", throughput[1]);
                System.out.printf("ratio during / without              %7.2f   (target >= 0.80)%n", throughput[1] / throughput[0]);
            }
        }
    }

    /** Both recomputations from the same start, their changes, times and whether they agree. */
    record Comparison(String name, long members, Timed platformTag, Timed platformLevels, Timed sqlTag, Timed sqlLevels) {

        void print() {
            System.out.printf("%s (%,d members)%n", name, members);
            row("tag", platformTag, sqlTag);
            row("levels", platformLevels, sqlLevels);
            row("total", new Timed(platformTag.seconds() + platformLevels.seconds(), ""), new Timed(sqlTag.seconds() + sqlLevels.seconds(), ""));
        }

        private static void row(String what, Timed platform, Timed sql) {
            System.out.printf("    %-7s platform %9.2f s, set-based SQL %8.2f s, ratio platform / SQL %7.2f   (target <= 2.0)%n", what,
                    platform.seconds(), sql.seconds(), platform.seconds() / sql.seconds());
        }
    }

    private static Comparison compare(String name, Api api, Connection db, RecomputeData data, RecomputeMerchant merchant, Options options)
            throws Exception {
        System.out.println("==> " + name);
        // Both timed phases meet the caches another full pass left: without this the platform, timed first, met
        // the cold tables the set-up left and the baseline, timed next, the pages the platform had just read.
        Instant start = Instant.now();
        Timed warmUp = timed(() -> SetBasedRecompute.tag(db, merchant) + "; " + SetBasedRecompute.levels(db, merchant));
        System.out.println("    warm-up (set-based SQL, not counted, undone): " + warmUp.outcome() + String.format(" in %.2f s", warmUp.seconds()));
        data.restoreStart(start);

        start = Instant.now();
        Timed platformTag = timed(() -> PlatformRecompute.evaluateTag(api, merchant.tagId(), options.reviewTimeout()).toString());
        System.out.println("    platform tag evaluation: " + platformTag.outcome() + String.format(" in %.2f s", platformTag.seconds()));
        Timed platformLevels = timed(() -> PlatformRecompute.awaitReview(api, PlatformRecompute.requestReview(api), options.reviewTimeout()).toString());
        System.out.println("    platform level review: " + platformLevels.outcome() + String.format(" in %.2f s", platformLevels.seconds()));
        long[] changed = data.changedSinceStart();
        System.out.printf("    changed rows: %,d member_level, %,d member_tag; %,d level_change rows written%n", changed[0], changed[1],
                data.levelChangesSince(start));
        data.keepEndState("platform");
        data.restoreStart(start);

        start = Instant.now();
        Timed sqlTag = timed(() -> SetBasedRecompute.tag(db, merchant).toString());
        System.out.println("    set-based SQL tag: " + sqlTag.outcome() + String.format(" in %.2f s", sqlTag.seconds()));
        Timed sqlLevels = timed(() -> SetBasedRecompute.levels(db, merchant).toString());
        System.out.println("    set-based SQL levels: " + sqlLevels.outcome() + String.format(" in %.2f s", sqlLevels.seconds()));
        changed = data.changedSinceStart();
        System.out.printf("    changed rows: %,d member_level, %,d member_tag; %,d level_change rows written%n", changed[0], changed[1],
                data.levelChangesSince(start));
        data.keepEndState("sql");
        data.restoreStart(start);

        List<String> differences = data.differences("platform", "sql");
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The platform's recomputation and the set-based SQL disagree: " + String.join("; ", differences));
        }
        System.out.println("    end states agree: the same level for every member, the same members tagged");
        return new Comparison(name, options.members(), platformTag, platformLevels, sqlTag, sqlLevels);
    }

    /**
     * Orders per second through the API for {@code loadTime} alone, then while a tag evaluation and a
     * level review run (until both are done, at most {@code loadTime}). The review starts from the
     * benchmark's start state, so it has the night's work to do again.
     */
    private static double[] throughput(Api api, CpuUse cpu, RecomputeData data, RecomputeMerchant merchant, Options options) throws Exception {
        List<String> members = data.someMembers(ORDER_MEMBERS);
        // The phases before leave work behind (their events' consumers, autovacuum), which would count against
        // the orders alone; the phase "during" starts just as quiet.
        awaitQuiet(cpu, "before the orders alone");
        Instant paidAt = Instant.now().minusSeconds(60);
        long warmUpEnd = System.nanoTime() + Math.min(20, options.loadTime().toSeconds()) * 1_000_000_000L;
        orders(api, members, paidAt, "warm", options.concurrency(), () -> System.nanoTime() < warmUpEnd);

        long aloneEnd = System.nanoTime() + options.loadTime().toNanos();
        Load.Rate alone = orders(api, members, paidAt, "alone", options.concurrency(), () -> System.nanoTime() < aloneEnd);
        System.out.printf("    without a recomputation: %,d orders in %.1f s, %.0f orders/s%n", alone.units(), alone.seconds(), alone.perSecond());

        data.restoreStart(Instant.now());
        awaitQuiet(cpu, "before the orders during a recomputation");
        AtomicBoolean recomputing = new AtomicBoolean(true);
        String review = PlatformRecompute.requestReview(api);
        CompletableFuture<String> recomputation = CompletableFuture.supplyAsync(() -> {
            try {
                String tag = PlatformRecompute.evaluateTag(api, merchant.tagId(), options.reviewTimeout()).toString();
                return "tag: " + tag + "; levels: " + PlatformRecompute.awaitReview(api, review, options.reviewTimeout());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                recomputing.set(false);
            }
        });
        long duringEnd = System.nanoTime() + options.loadTime().toNanos();
        Load.Rate during = orders(api, members, paidAt, "during", options.concurrency(), () -> recomputing.get() && System.nanoTime() < duringEnd);
        String status = api.get("/api/v1/level-reviews/" + review);
        System.out.printf("    during a recomputation: %,d orders in %.1f s, %.0f orders/s (level review %s at the end of the load, %,d members reviewed)%n",
                during.units(), during.seconds(), during.perSecond(), Api.field(status, "status").toLowerCase(), Api.number(status, "processed"));
        if (!recomputing.get()) {
            System.out.println("    recomputation: " + recomputation.join());
        }
        return new double[] {alone.perSecond(), during.perSecond()};
    }

    private static void awaitQuiet(CpuUse cpu, String when) throws InterruptedException {
        double waited = cpu.awaitQuiet(Duration.ofMinutes(5));
        System.out.println(waited < 0 ? "    platform and PostgreSQL still busy after 5 minutes " + when + ": measuring anyway"
                : String.format("    platform and PostgreSQL quiet %s after %.0f s", when, waited));
    }

    private static Load.Rate orders(Api api, List<String> members, Instant paidAt, String phase, int concurrency,
                                    java.util.function.BooleanSupplier going) throws Exception {
        try (Load.Connections connections = new Load.Connections(api.base())) {
            return Load.runWhile(going, concurrency, i -> Orders.post(connections.mine(), api.token(), members.get(i % members.size()),
                    phase + "-" + i, 1000 + i % 5000, paidAt));
        }
    }

    private interface Phase {
        String run() throws Exception;
    }

    private static Timed timed(Phase phase) throws Exception {
        long start = System.nanoTime();
        String outcome = phase.run();
        return new Timed((System.nanoTime() - start) / 1e9, outcome);
    }
}
