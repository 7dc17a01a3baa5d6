package io.memberhub.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./memberhub backup}, {@code ./memberhub backups} and {@code ./memberhub restore FILE}: the
 * one-machine install's backups, taken while it runs and restored while it is stopped.
 */
final class BackupCommands {

    private BackupCommands() {
    }

    static int run(List<String> args) {
        Path home = Env.home();
        try {
            switch (args.get(0)) {
                case "backup" -> {
                    Backups backups = Backups.configured(home);
                    System.out.println("==> Backing up " + home + " (PostgreSQL with the platform's and Keycloak's data, modules, secrets key)");
                    Path written = backups.takeNow();
                    System.out.println("==> Backup written: " + written + " (" + Files.size(written) / (1024 * 1024) + " MB)");
                    return 0;
                }
                case "backups" -> {
                    Backups backups = Backups.configured(home);
                    List<Path> all = backups.list();
                    if (all.isEmpty()) {
                        System.out.println("No backups in " + backups.dir() + " yet (./memberhub backup takes one now).");
                    }
                    for (Path backup : all) {
                        System.out.println(backup + "  " + Files.size(backup) / (1024 * 1024) + " MB");
                    }
                    return 0;
                }
                case "restore" -> {
                    if (args.size() != 2) {
                        return usage();
                    }
                    Path archive = Path.of(args.get(1)).toAbsolutePath();
                    System.out.println("==> Restoring " + archive + " into " + home);
                    Restore.Restored restored = new Restore(home, Clock.systemUTC()).from(archive);
                    System.out.println("==> Restored the backup taken at " + restored.backupTakenAt() + "; PostgreSQL opened it.");
                    if (restored.previousData() != null) {
                        System.out.println("    The data it replaced is in " + restored.previousData() + " (delete it once you are content).");
                    }
                    System.out.println("    Start MemberHub with ./memberhub");
                    return 0;
                }
                default -> {
                    return usage();
                }
            }
        } catch (Exception e) {
            System.err.println("MemberHub: " + args.get(0) + " failed: " + e.getMessage());
            if (args.get(0).equals("restore")) {
                System.err.println("If the data folder was already moved aside, it is in " + home + "/data.before-restore-*: "
                        + "move it back to " + home.resolve("data") + " to return to where you were.");
            }
            return 1;
        }
    }

    private static int usage() {
        System.err.println("Usage: ./memberhub [backup | backups | restore BACKUP_FILE]");
        return 2;
    }
}
