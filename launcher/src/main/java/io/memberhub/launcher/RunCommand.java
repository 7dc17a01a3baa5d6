package io.memberhub.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's run command: starts PostgreSQL and Keycloak (unless external ones are configured),
 * then the platform and the console, seeds a demo merchant through the public API, puts the modules
 * built here into the module market and prints where everything is.
 * Ctrl-C stops what it started, in reverse order.
 */
public final class RunCommand {

    private RunCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            System.exit(BackupCommands.run(java.util.List.of(args).subList(1, args.length)));
        }
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path platformJar = built(repo, "platform");
        Path consoleJar = built(repo, "tenant-admin");
        int httpPort = Env.port("MEMBERHUB_HTTP_PORT", 8080);
        requireFree(httpPort, "MEMBERHUB_HTTP_PORT");
        int consolePort = Env.port("MEMBERHUB_CONSOLE_PORT", 8081);
        requireFree(consolePort, "MEMBERHUB_CONSOLE_PORT");
        Path home = Env.home();
        Path logs = Files.createDirectories(home.resolve("logs"));

        LocalStack stack = LocalStack.startForRun(home);
        String api = "http://localhost:" + httpPort;
        boolean dev = "1".equals(Env.get("MEMBERHUB_DEV"));
        ServiceProcess platform = dev
                ? ServiceProcess.devMode("platform", repo, "platform", httpPort, stack.platformProperties(), logs.resolve("platform.log"))
                : new ServiceProcess("platform", platformJar, httpPort, stack.platformProperties(), logs.resolve("platform.log"));
        ServiceProcess console = new ServiceProcess("console", consoleJar, consolePort, stack.consoleProperties(api), logs.resolve("console.log"));
        var stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\n==> Stopping MemberHub");
            console.close();
            platform.close();
            stack.close();
            System.out.println("==> Stopped");
        }, "memberhub-shutdown"));

        platform.start();
        console.start();
        // Only the embedded PostgreSQL is backed up here; an external one is its operator's to back up.
        var backups = stack.embeddedPostgres() ? BackupSchedule.configured(Backups.configured(home)) : java.util.Optional.<BackupSchedule>empty();
        String keycloak = stack.platformProperties().get("memberhub.keycloak.url");
        DemoMerchant.Seeded demo = new DemoMerchant(api, keycloak).seed();
        int modules = new ShippedModules(api, keycloak, home).publish(repo);
        if (modules > 0) {
            System.out.println("==> " + modules + " module versions built here are now in the module market");
        }

        System.out.println();
        System.out.println("MemberHub is running. Ctrl-C stops it.");
        System.out.println();
        System.out.println("  Console          http://localhost:" + consolePort + "   (sign in as the demo owner below)");
        System.out.println("  API              " + api + "/api/v1");
        System.out.println("  API docs         " + api + "/q/swagger-ui   (OpenAPI: " + api + "/q/openapi)");
        System.out.println("  Keycloak         " + keycloak + "/admin   (admin / admin)");
        System.out.println("  Demo merchant    slug '" + DemoMerchant.SLUG + "', owner " + DemoMerchant.OWNER_EMAIL + " / " + DemoMerchant.OWNER_PASSWORD
                + (demo.created() ? "  (created now)" : ""));
        System.out.println("  Token for curl   curl -s " + keycloak + "/realms/memberhub/protocol/openid-connect/token \\");
        System.out.println("                     -d grant_type=password -d client_id=memberhub-api -d scope=organization \\");
        System.out.println("                     -d username=" + DemoMerchant.OWNER_EMAIL + " -d password=" + DemoMerchant.OWNER_PASSWORD);
        System.out.println("  Logs             " + logs);
        backups.ifPresent(b -> System.out.println("  Backups          daily at " + b.at() + " into " + Backups.configured(home).dir()
                + "   (now: ./memberhub backup; restore: ./memberhub restore FILE)"));
        System.out.println();

        int exit = platform.waitFor();
        if (stopping.get()) {
            return;
        }
        System.err.println("The platform stopped on its own (exit " + exit + "); see " + logs.resolve("platform.log"));
        System.exit(exit == 0 ? 0 : 1);
    }

    private static Path built(Path repo, String module) {
        Path jar = repo.resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            fail("The " + module + " module is not built (" + jar + " is missing): run ./memberhub without MEMBERHUB_SKIP_BUILD");
        }
        return jar;
    }

    private static void requireFree(int port, String variable) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            fail("Port " + port + " is in use (is MemberHub already running?). Stop that process or set " + variable + ".");
        }
    }

    static void fail(String message) {
        System.err.println("MemberHub could not start: " + message);
        System.exit(1);
    }
}
