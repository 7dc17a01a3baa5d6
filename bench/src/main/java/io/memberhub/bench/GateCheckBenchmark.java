package io.memberhub.bench;

import io.memberhub.gateclient.GateAnswer;
import io.memberhub.gateclient.GateClient;
import io.memberhub.gateclient.OfflineGate;
import io.memberhub.launcher.MarketJourney;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Gate checks over HTTP (device token, gate and zone look-up, card to member, level against the zone,
 * the merchant's other access policies, the visit, the check log: {@code POST /api/v1/ext/gate-api/check})
 * next to a bare endpoint of the same process that answers a constant to the same device token
 * ({@code GET /api/v1/devices/me/ping}), in the same run: throughput with all clients flat out, then
 * latency at half load (requests paced at half the gate check's own throughput, for both endpoints),
 * and the gate's offline verification of one member code. A second baseline is the platform's own
 * visit endpoint ({@code POST /api/v1/visits}, a staff token): it commits durably what an allowed
 * check commits (the visit, its idempotency row, outbox event and level facts), without the plugin
 * route, the decision and the check log.
 */
public final class GateCheckBenchmark {

    private static final int MEMBERS = 200;
    private static final String PING = "/api/v1/devices/me/ping";
    private static final String VISITS = "/api/v1/visits";
    private static final String PASSWORD = "gate-benchmark-password";

    /** What one request goes to. */
    private enum Target {
        GATE, BARE, VISIT
    }

    /** Gate checks that answered 503 (the plugin call ran past its 2 s limit on a crowded machine): counted, not fatal. */
    private static final AtomicInteger LATE = new AtomicInteger();
    private static List<String> members = List.of();
    private static RenewedToken staff;
    private static CpuUse cpu;

    private GateCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        System.out.println("==> Gate benchmark: " + requests + " requests per phase, " + concurrency + " clients, " + rounds + " rounds");
        try (MarketJourney market = MarketJourney.start()) {
            GateClub gym = GateClub.open(market, "Bench Gym", MEMBERS);
            MarketJourney.Merchant club = gym.merchant();
            MarketJourney.Device device = gym.gate();
            URI api = URI.create(device.apiUrl());
            RenewedToken token = RenewedToken.device(device.tokenUrl(), device.clientId(), device.clientSecret());
            members = gym.members();
            String email = "visits@" + club.slug() + ".test";
            club.call("POST", "/api/v1/staff", Map.of("email", email, "role", "operator", "initialPassword", PASSWORD), 201);
            staff = RenewedToken.person(device.tokenUrl(), email, PASSWORD);
            cpu = new CpuUse(market.platform().stack().postgres().postmasterPid());

            System.out.println("==> Warming up");
            for (Target target : Target.values()) {
                throughput(api, token, "warm", Math.max(1000, requests / 2), concurrency, target);
            }
            LATE.set(0);

            double[] gate = new double[rounds];
            double[] bare = new double[rounds];
            double[] visit = new double[rounds];
            Map<Target, List<Map<CpuUse.Part, Double>>> cpuPerRequest = new EnumMap<>(Target.class);
            for (int round = 0; round < rounds; round++) {
                Map<Target, Phase> phases = new EnumMap<>(Target.class);
                for (Target target : List.of(Target.BARE, Target.VISIT, Target.GATE)) {
                    Phase phase = throughput(api, token, "r" + round, requests, concurrency, target);
                    phases.put(target, phase);
                    cpuPerRequest.computeIfAbsent(target, t -> new ArrayList<>()).add(phase.cpu());
                }
                gate[round] = phases.get(Target.GATE).rate();
                bare[round] = phases.get(Target.BARE).rate();
                visit[round] = phases.get(Target.VISIT).rate();
                System.out.printf("    round %d: gate check %.0f/s, bare endpoint %.0f/s, visit endpoint %.0f/s, ratios %.2f and %.2f%n",
                        round + 1, gate[round], bare[round], visit[round], gate[round] / bare[round], gate[round] / visit[round]);
                for (Target target : Target.values()) {
                    System.out.printf("      %-5s %s per request%n", target.name().toLowerCase(), CpuUse.describe(phases.get(target).cpu()));
                }
            }
            double gateBest = Arrays.stream(gate).max().orElseThrow();
            double bareBest = Arrays.stream(bare).max().orElseThrow();
            double visitBest = Arrays.stream(visit).max().orElseThrow();

            double rate = gateBest / 2;
            System.out.printf("==> Latency at half load: %.0f requests/s to each endpoint%n", rate);
            long[] gateLatency = paced(api, token, "lat", requests, concurrency, rate, Target.GATE);
            long[] bareLatency = paced(api, token, "lat", requests, concurrency, rate, Target.BARE);
            long[] visitLatency = paced(api, token, "lat", requests, concurrency, rate, Target.VISIT);
            System.out.printf("    p99 gate %.2f ms, bare %.2f ms, visit endpoint %.2f ms%n", percentile(gateLatency, 99) / 1e6,
                    percentile(bareLatency, 99) / 1e6, percentile(visitLatency, 99) / 1e6);

            System.out.println("==> Offline verification of a member code");
            String memberToken = club.memberToken("13600000000");
            Path state = Files.createTempDirectory("gate-bench-");
            GateClient client = new GateClient(new GateClient.Settings(api, URI.create(device.tokenUrl()), device.clientId(),
                    device.clientSecret(), state, Duration.ofSeconds(5)));
            client.sync();
            OfflineGate offline = client.offlineGate();
            double[] verify = verifyTimes(offline, club.memberCode(memberToken));

            System.out.println();
            System.out.printf("gate check throughput (best round)      %8.0f /s%n", gateBest);
            System.out.printf("bare endpoint throughput (best round)   %8.0f /s%n", bareBest);
            System.out.printf("visit endpoint throughput (best round)  %8.0f /s%n", visitBest);
            System.out.printf("ratio gate / bare                        %7.2f   (target >= 0.60)%n", gateBest / bareBest);
            System.out.printf("ratio gate / visit endpoint              %7.2f   (the durable baseline)%n", gateBest / visitBest);
            System.out.printf("p99 at half load: gate %.2f ms, bare %.2f ms, ratio %.2f   (targets: ratio <= 2.0, gate < 5 ms)%n",
                    percentile(gateLatency, 99) / 1e6, percentile(bareLatency, 99) / 1e6,
                    (double) percentile(gateLatency, 99) / percentile(bareLatency, 99));
            System.out.printf("p50 at half load: gate %.2f ms, bare %.2f ms%n", percentile(gateLatency, 50) / 1e6,
                    percentile(bareLatency, 50) / 1e6);
            System.out.printf("visit endpoint at half load: p99 %.2f ms, p50 %.2f ms%n", percentile(visitLatency, 99) / 1e6,
                    percentile(visitLatency, 50) / 1e6);
            System.out.printf("gate checks answered 503 (late) in the measured phases: %d%n", LATE.get());
            printCpuBound(cpuPerRequest);
            System.out.printf("offline verification of one member code: mean %.1f us, p99 %.1f us   (target < 1000 us)%n", verify[0], verify[1]);
        }
    }

    private static int call(KeepAliveConnection connection, String token, String phase, int i, Target target) throws Exception {
        return switch (target) {
            case GATE -> connection.post(GateClub.CHECK, token, null, GateClub.check(phase + "-" + i, i % MEMBERS));
            case BARE -> connection.get(PING, token);
            case VISIT -> connection.post(VISITS, staff.get(), phase + "-" + i, "{\"memberId\":\"" + members.get(i % MEMBERS)
                    + "\",\"externalId\":\"" + phase + "-" + i + "\",\"location\":\"lobby\",\"visitedAt\":\"" + Instant.now() + "\"}");
        };
    }

    /** A throughput phase: requests per second and what one request cost each part of the run in CPU. */
    private record Phase(double rate, Map<CpuUse.Part, Double> cpu) {
    }

    private static Phase throughput(URI api, RenewedToken token, String phase, int count, int concurrency, Target target) throws Exception {
        String name = phase + "-" + target.name().charAt(0) + System.nanoTime();
        try (Load.Connections connections = new Load.Connections(api)) {
            Map<CpuUse.Part, Double> before = cpu.now();
            double rate = Load.run(count, concurrency, i -> expectOk(call(connections.mine(), token.get(), name, i, target), target));
            return new Phase(rate, CpuUse.perUnit(before, cpu.now(), count));
        }
    }

    /**
     * The CPU a request costs, by part, in the median round, and what that allows: with client, platform and
     * database on the same cores, throughput follows the CPU a request costs, so the ratio of the bare
     * endpoint's CPU to the gate check's bounds the throughput ratio. The bound printed is the ratio the gate
     * check would reach if everything it adds cost nothing but its database work, as measured.
     */
    private static void printCpuBound(Map<Target, List<Map<CpuUse.Part, Double>>> cpuPerRequest) {
        Map<Target, Map<CpuUse.Part, Double>> median = new EnumMap<>(Target.class);
        for (Target target : Target.values()) {
            List<Map<CpuUse.Part, Double>> rounds = new ArrayList<>(cpuPerRequest.get(target));
            rounds.sort(Comparator.comparingDouble(CpuUse::served));
            median.put(target, rounds.get(rounds.size() / 2));
            System.out.printf("CPU per request, %-5s (median round)    %s%n", target.name().toLowerCase(), CpuUse.describe(median.get(target)));
        }
        double bareCpu = CpuUse.served(median.get(Target.BARE));
        double gateCpu = CpuUse.served(median.get(Target.GATE));
        double gateDatabase = median.get(Target.GATE).get(CpuUse.Part.POSTGRES) - median.get(Target.BARE).get(CpuUse.Part.POSTGRES);
        System.out.printf("CPU ratio bare / gate                    %7.2f   (the throughput ratio it allows)%n", bareCpu / gateCpu);
        System.out.printf("bound with only the database work added  %7.2f   (bare / (bare + the gate's PostgreSQL CPU %.2f ms))%n",
                bareCpu / (bareCpu + gateDatabase), gateDatabase);
    }

    private static void expectOk(int status, Target target) {
        if (target == Target.GATE && status == 503) {
            LATE.incrementAndGet();
            return;
        }
        if (status != (target == Target.VISIT ? 201 : 200)) {
            throw new IllegalStateException(target + " answered " + status);
        }
    }

    /**
     * Requests at a fixed rate, each measured from when it was due (not when it went out), so that a
     * slow answer also counts against the requests queued behind it.
     */
    private static long[] paced(URI api, RenewedToken token, String phase, int count, int concurrency, double rate, Target target)
            throws Exception {
        String name = phase + "-" + target.name().charAt(0) + System.nanoTime();
        long interval = (long) (1e9 / rate);
        long[] latency = new long[count];
        long start = System.nanoTime() + 10_000_000;
        try (Load.Connections connections = new Load.Connections(api)) {
            Load.run(count, concurrency, i -> {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int status = call(connections.mine(), token.get(), name, i, target);
                latency[i] = System.nanoTime() - due;
                expectOk(status, target);
            });
        }
        return latency;
    }


    /** Mean and p99 in microseconds of deciding one member code offline (signature, expiry, list). */
    private static double[] verifyTimes(OfflineGate gate, String code) {
        // One instant for all: on a crowded machine the 40 000 decisions can outlast the code's minute.
        Instant at = Instant.now();
        for (int i = 0; i < 20_000; i++) {
            check(gate.decide(code, at));
        }
        long[] times = new long[20_000];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            GateAnswer answer = gate.decide(code, at);
            times[i] = System.nanoTime() - t0;
            check(answer);
        }
        return new double[] {Arrays.stream(times).average().orElseThrow() / 1e3, percentile(times, 99) / 1e3};
    }

    private static void check(GateAnswer answer) {
        if (!answer.allowed()) {
            throw new IllegalStateException("The offline gate refused the member: " + answer.reason());
        }
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
