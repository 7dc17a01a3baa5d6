package io.memberhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time spent by each part of a benchmark run, read from Linux's {@code /proc}: the client (this
 * JVM), the platform, PostgreSQL (the postmaster and its backends, including those that exited) and
 * Keycloak, and whatever else ran on the machine meanwhile. Divided by the requests of a phase it says
 * what one request costs each part, which a throughput ratio alone does not: on a machine whose cores
 * all of them share, a request's total CPU bounds its rate.
 */
final class CpuUse {

    /** Where CPU time went. */
    enum Part {
        CLIENT, PLATFORM, POSTGRES, KEYCLOAK, OTHER
    }

    /** Linux reports process times in USER_HZ, fixed at 100 per second for user space on every architecture it runs on. */
    private static final double MS_PER_TICK = 10.0;

    private final long postmaster;

    CpuUse(long postmaster) {
        this.postmaster = postmaster;
    }

    /** CPU milliseconds so far, by part. */
    Map<Part, Double> now() {
        Map<Part, Double> used = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            used.put(part, 0.0);
        }
        long self = ProcessHandle.current().pid();
        // The platform and Keycloak this run started, not those of other runs on the machine.
        Set<Long> started = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        double ours = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) processes::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String[] stat = stat(dir);
                if (stat == null) {
                    continue;
                }
                long parent = Long.parseLong(stat[1]);
                Part part = pid == self ? Part.CLIENT
                        : pid == postmaster || parent == postmaster ? Part.POSTGRES
                        : started.contains(pid) ? javaPart(dir) : null;
                if (part == null) {
                    continue;
                }
                // Children's times (fields 16 and 17) count only the postmaster's: the backends and autovacuum workers that exited.
                double ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12])
                        + (pid == postmaster ? Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : 0);
                used.merge(part, ticks * MS_PER_TICK, Double::sum);
                ours += ticks * MS_PER_TICK;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        used.put(Part.OTHER, machineBusyMs() - ours);
        return used;
    }

    /**
     * Waits until the platform and PostgreSQL together use less than a tenth of a core over a second,
     * at most {@code max}: work left over from a previous phase (events still being consumed, a vacuum)
     * would otherwise count against the next one. The seconds waited, or -1 if they never went quiet.
     */
    double awaitQuiet(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        Map<Part, Double> before = now();
        while (System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(1000); // a poll interval: CPU use is only known over a span of time
            Map<Part, Double> after = now();
            double used = after.get(Part.PLATFORM) - before.get(Part.PLATFORM) + after.get(Part.POSTGRES) - before.get(Part.POSTGRES);
            if (used < 100) {
                return (System.nanoTime() - start) / 1e9;
            }
            before = after;
        }
        return -1;
    }

    /** What each part spent per unit of work between two readings, in milliseconds. */
    static Map<Part, Double> perUnit(Map<Part, Double> before, Map<Part, Double> after, int units) {
        Map<Part, Double> each = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            each.put(part, Math.max(0, after.get(part) - before.get(part)) / units);
        }
        return each;
    }

    /** The parts that serve a request (everything but other work on the machine), in milliseconds. */
    static double served(Map<Part, Double> each) {
        return each.get(Part.CLIENT) + each.get(Part.PLATFORM) + each.get(Part.POSTGRES) + each.get(Part.KEYCLOAK);
    }

    static String describe(Map<Part, Double> each) {
        return String.format("%.2f ms CPU (client %.2f, platform %.2f, PostgreSQL %.2f, Keycloak %.2f; other work %.2f)", served(each),
                each.get(Part.CLIENT), each.get(Part.PLATFORM), each.get(Part.POSTGRES), each.get(Part.KEYCLOAK), each.get(Part.OTHER));
    }

    private static Part javaPart(Path dir) {
        String command;
        try {
            command = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return null; // gone meanwhile
        }
        if (command.contains("quarkus-run.jar") && command.contains("platform")) {
            return Part.PLATFORM;
        }
        if (command.contains("keycloak") && command.contains("java")) {
            return Part.KEYCLOAK;
        }
        return null;
    }

    /** The fields after the command name (the name may hold spaces and parentheses): index 1 is the parent, 11 to 14 the times. */
    private static String[] stat(Path dir) {
        try {
            String line = Files.readString(dir.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null; // gone meanwhile
        }
    }

    /** Busy CPU time of the whole machine (all cores), from the first line of /proc/stat. */
    private static double machineBusyMs() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: all but idle and iowait.
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy * MS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
