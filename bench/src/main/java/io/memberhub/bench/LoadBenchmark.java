package io.memberhub.bench;

import io.memberhub.launcher.MarketJourney;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sustained mixed load for a fixed time against the real run stack (PostgreSQL, Keycloak, the
 * packaged platform with the gate-api plugin enabled): paid orders, member reads, gate checks with
 * a device token, and staff sign-ins at Keycloak (password grant), interleaved on every client
 * thread in a fixed mix. Reports per kind and overall: throughput, p50 and p99 latency, errors; a
 * run with any error (a status other than the expected one, or a failed connection) exits 1.
 */
public final class LoadBenchmark {

    private static final String PASSWORD = "load-benchmark-password";

    /** One kind of request in the mix. */
    enum Kind {
        ORDER("order (POST /api/v1/orders)"),
        MEMBER_READ("member read (GET /api/v1/members/{id})"),
        GATE_CHECK("gate check (POST " + GateClub.CHECK + ")"),
        LOGIN("staff login (Keycloak password grant, own login per client)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The mix, repeated: three of each API call to one sign-in (a sign-in costs Keycloak a deliberately slow password hash). */
    private static final Kind[] MIX = {Kind.ORDER, Kind.MEMBER_READ, Kind.GATE_CHECK, Kind.ORDER, Kind.MEMBER_READ, Kind.GATE_CHECK,
            Kind.ORDER, Kind.MEMBER_READ, Kind.GATE_CHECK, Kind.LOGIN};

    /** What one phase measured, per kind. */
    static final class Tally {
        final Map<Kind, Queue<Long>> latencies = Map.of(Kind.ORDER, new ConcurrentLinkedQueue<>(), Kind.MEMBER_READ,
                new ConcurrentLinkedQueue<>(), Kind.GATE_CHECK, new ConcurrentLinkedQueue<>(), Kind.LOGIN, new ConcurrentLinkedQueue<>());
        final Map<Kind, AtomicInteger> errors = Map.of(Kind.ORDER, new AtomicInteger(), Kind.MEMBER_READ, new AtomicInteger(),
                Kind.GATE_CHECK, new AtomicInteger(), Kind.LOGIN, new AtomicInteger());
        final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();
        double seconds;

        void error(Kind kind, String what) {
            errors.get(kind).incrementAndGet();
            if (firstErrors.size() < 10) {
                firstErrors.add(kind + ": " + what);
            }
        }

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int members = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        System.out.printf("==> Mixed load: %d s (after %d s of warm-up), %d clients, %d members; mix per 10 requests: 3 orders, "
                + "3 member reads, 3 gate checks, 1 staff login%n", seconds, warmup, concurrency, members);
        try (MarketJourney market = MarketJourney.start()) {
            GateClub club = GateClub.open(market, "Load Club", members);
            String tokenUrl = club.gate().tokenUrl();
            List<String> staff = new ArrayList<>();
            // A login of its own per client thread, and one more for the API calls: Keycloak refuses a second password
            // grant for a user while one is running (brute-force detection is on), which one shared login would measure instead.
            for (int i = 0; i <= concurrency; i++) {
                String email = "operator-" + i + "@" + club.merchant().slug() + ".test";
                club.merchant().call("POST", "/api/v1/staff", Map.of("email", email, "role", "operator", "initialPassword", PASSWORD), 201);
                staff.add(email);
            }
            Clients clients = new Clients(URI.create(club.gate().apiUrl()), URI.create(tokenUrl),
                    RenewedToken.person(tokenUrl, staff.getFirst(), PASSWORD),
                    RenewedToken.device(tokenUrl, club.gate().clientId(), club.gate().clientSecret()), club.members(), staff.subList(1, staff.size()));

            System.out.println("==> Warming up");
            Tally warm = clients.run("warm", warmup, concurrency);
            System.out.println("==> Measuring");
            String loadBefore = loadAverage();
            Tally measured = clients.run("load", seconds, concurrency);
            report(measured);
            // Client, platform, PostgreSQL and Keycloak share the machine's cores with whatever else runs on it.
            System.out.printf("measured over %.1f s; load average before %s, after %s (%d cores)%n", measured.seconds, loadBefore, loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            int errors = warm.errorCount() + measured.errorCount();
            if (warm.errorCount() > 0) {
                System.out.println("errors during the warm-up: " + warm.errorCount());
            }
            if (errors > 0) {
                System.out.println("FAILED: " + errors + " errors (zero expected); the first:");
                warm.firstErrors.forEach(e -> System.out.println("    " + e));
                measured.firstErrors.forEach(e -> System.out.println("    " + e));
                System.exit(1);
            }
            System.out.println("OK: no errors");
        }
    }

    /** The client side: one keep-alive connection per thread to the platform and one to Keycloak. */
    private record Clients(URI api, URI tokenUrl, RenewedToken staffToken, RenewedToken gateToken, List<String> members, List<String> staff) {

        /** The client thread's number within a phase: which staff login it signs in with. */
        private static final ThreadLocal<Integer> THREAD = new ThreadLocal<>();

        Tally run(String phase, int seconds, int concurrency) throws Exception {
            Tally tally = new Tally();
            AtomicInteger threads = new AtomicInteger();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try (Load.Connections platform = new Load.Connections(api); Load.Connections keycloak = new Load.Connections(tokenUrl)) {
                tally.seconds = Load.runWhile(() -> System.nanoTime() < end, concurrency, i -> {
                    if (THREAD.get() == null) {
                        THREAD.set(threads.getAndIncrement());
                    }
                    Kind kind = MIX[i % MIX.length];
                    long start = System.nanoTime();
                    try {
                        int status = send(kind, phase + "-" + i, i, platform.mine(), keycloak.mine());
                        if (status != expected(kind)) {
                            tally.error(kind, "answered " + status);
                        }
                    } catch (Exception e) {
                        tally.error(kind, e.toString());
                    }
                    tally.latencies.get(kind).add(System.nanoTime() - start);
                }).seconds();
            }
            return tally;
        }

        private int send(Kind kind, String id, int i, KeepAliveConnection platform, KeepAliveConnection keycloak) throws Exception {
            String member = members.get(i % members.size());
            return switch (kind) {
                case ORDER -> platform.post("/api/v1/orders", staffToken.get(), id, "{\"memberId\":\"" + member + "\",\"externalId\":\"" + id
                        + "\",\"amount\":" + (1_000 + i % 9_000) + ",\"channel\":\"shop\",\"paidAt\":\"" + Instant.now().minusSeconds(1) + "\"}");
                case MEMBER_READ -> platform.get("/api/v1/members/" + member, staffToken.get());
                case GATE_CHECK -> platform.post(GateClub.CHECK, gateToken.get(), null, GateClub.check(id, i % members.size()));
                case LOGIN -> keycloak.postForm(tokenUrl.getPath(), RenewedToken.passwordForm(staff.get(THREAD.get() % staff.size()), PASSWORD));
            };
        }

        private static int expected(Kind kind) {
            return kind == Kind.ORDER ? 201 : 200;
        }
    }

    /** The 1-minute load average, where the system tells it. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void report(Tally tally) {
        System.out.println();
        System.out.printf("%-62s %9s %10s %9s %9s %7s%n", "operation", "requests", "per second", "p50 ms", "p99 ms", "errors");
        List<Long> all = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Long> times = List.copyOf(tally.latencies.get(kind));
            all.addAll(times);
            line(kind.label, times, tally.errors.get(kind).get(), tally.seconds);
        }
        line("overall", all, tally.errorCount(), tally.seconds);
    }

    private static void line(String label, List<Long> times, int errors, double seconds) {
        long[] nanos = times.stream().mapToLong(Long::longValue).toArray();
        if (nanos.length == 0) {
            System.out.printf("%-62s %9d %10s %9s %9s %7d%n", label, 0, "-", "-", "-", errors);
            return;
        }
        System.out.printf("%-62s %9d %10.1f %9.2f %9.2f %7d%n", label, nanos.length, nanos.length / seconds,
                GateCheckBenchmark.percentile(nanos, 50) / 1e6, GateCheckBenchmark.percentile(nanos, 99) / 1e6, errors);
    }
}
