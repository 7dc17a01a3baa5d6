package io.memberhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Whether a PostgreSQL server runs on a data directory, from its {@code postmaster.pid} (the process
 * id on the first line, the port on the fourth) — how another command finds the running install.
 */
final class RunningPostgres {

    private RunningPostgres() {
    }

    /** The port of the live server on {@code dataDir}; empty when none runs (a stale pid file counts as none). */
    static OptionalInt port(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return OptionalInt.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return OptionalInt.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
            }
            return OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
