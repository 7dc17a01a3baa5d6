package io.memberhub.launcher;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run command's daily backup at a configured local time ({@code MEMBERHUB_BACKUP_AT}, default
 * {@code 03:00}; {@code off} turns it off). A failed backup is reported and tried again the next day;
 * it never stops the product.
 */
final class BackupSchedule implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "memberhub-backups");
        thread.setDaemon(true);
        return thread;
    });
    private final Backups backups;
    private final LocalTime at;
    private final ZoneId zone;

    private BackupSchedule(Backups backups, LocalTime at, ZoneId zone) {
        this.backups = backups;
        this.at = at;
        this.zone = zone;
    }

    /** Starts the schedule the environment asks for; empty when backups are off. */
    static Optional<BackupSchedule> configured(Backups backups) {
        String at = Env.get("MEMBERHUB_BACKUP_AT");
        if (at != null && at.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        LocalTime time;
        try {
            time = at == null ? LocalTime.of(3, 0) : LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("MEMBERHUB_BACKUP_AT must be a time of day like 03:00, or off; not '" + at + "'");
        }
        var schedule = new BackupSchedule(backups, time, ZoneId.systemDefault());
        schedule.planNext();
        return Optional.of(schedule);
    }

    LocalTime at() {
        return at;
    }

    /** The first moment at {@code at} strictly after {@code now}. */
    static ZonedDateTime nextRun(ZonedDateTime now, LocalTime at) {
        ZonedDateTime today = now.with(at);
        return today.isAfter(now) ? today : now.plusDays(1).with(at);
    }

    private void planNext() {
        ZonedDateTime now = ZonedDateTime.now(zone);
        long delay = Duration.between(now, nextRun(now, at)).toMillis();
        timer.schedule(this::run, delay, TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            var written = backups.takeNow();
            System.out.println("==> Backup written: " + written);
        } catch (Exception e) {
            System.err.println("==> The daily backup failed: " + e.getMessage()
                    + ". It is tried again tomorrow; take one now with ./memberhub backup, and check the free space in " + backups.dir());
        } finally {
            planNext();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
