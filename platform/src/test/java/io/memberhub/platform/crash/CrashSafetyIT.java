package io.memberhub.platform.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.launcher.LocalPostgres;
import io.memberhub.launcher.MarketJourney;
import io.memberhub.launcher.PlatformForTests;
import io.memberhub.platform.webhook.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash safety of the built platform on a real PostgreSQL and Keycloak (one stack for the class): a
 * sustained load of orders, points redemptions, stored-value top-ups and payments and coupon
 * redemptions from retrying merchant systems, while the platform is killed with SIGKILL and
 * restarted, or while PostgreSQL crashes and comes back under the running platform. Afterwards,
 * per member, the ledgers sum to the balances, every acknowledged write is in the books exactly
 * once, and every event of those writes reached the merchant's webhook.
 *
 * <p>PostgreSQL is stopped alternately as in a crash (immediate) and fast (sessions ended, a commit
 * in flight fails), twice. {@code -Dmemberhub.reliability.long=true} runs the heavier variant: more
 * clients and members, three kills and four PostgreSQL stops, and more load between them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyIT {

    private static final boolean LONG = Boolean.getBoolean("memberhub.reliability.long");
    private static final int CLIENTS = LONG ? 8 : 4;
    private static final int MEMBERS_PER_CLIENT = LONG ? 3 : 2;
    /** Kills per run of the first scenario: a restart of the platform is the slow part. */
    private static final int KILLS = LONG ? 3 : 1;
    /** PostgreSQL stops per run of the second: crashed, then stopped fast (each ends sessions its own way), and so on. */
    private static final int POSTGRES_STOPS = LONG ? 4 : 2;
    /** Writes acknowledged before each disruption and after the last one. */
    private static final int WRITES_BETWEEN = LONG ? 1_200 : 180;
    private static final Duration PATIENCE = Duration.ofMinutes(LONG ? 10 : 3);

    private static MarketJourney journey;
    private static Receiver receiver;

    /** What the test does to the platform or its database while the load runs. */
    private interface Disruption {
        /** @param number which disruption of the scenario this is, from 0 */
        void apply(MerchantSystem client, int number) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver();
        // Webhook leases and retries short, so deliveries cut by a crash go out again within seconds.
        journey = MarketJourney.start(Map.of("memberhub.webhooks.poll", "1s", "memberhub.webhooks.timeout", "2s",
                "memberhub.webhooks.first-retry", "1s", "memberhub.webhooks.max-attempts", "20"));
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void killedWithSigkillUnderLoadAndRestartedTheBooksBalanceAndNoWriteOrEventIsLostOrDoubled() throws Exception {
        PlatformForTests platform = journey.platform();
        Summary summary = underLoad("kill -9 of the platform", "kill", KILLS, (client, number) -> {
            // Threads are mid-request nearly all the time; the kill waits for a moment one is, then cuts it.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> client.inFlight.get() > 0);
            client.disrupting();
            platform.kill(0);
            platform.restart(0);
        });
        assertThat(summary.client().cut.get()).as("requests in flight that the kills cut off").isPositive();
        assertThat(summary.client().connectionErrors.get()).as("attempts refused while the platform was down").isPositive();
    }

    @Test
    @Order(2)
    void postgresRestartedUnderLoadThePlatformRecoversByItselfAndTheBooksBalance() throws Exception {
        LocalPostgres postgres = journey.platform().stack().postgres();
        // A merchant whose staff token the platform has not seen yet: checking it needs the database.
        MarketJourney.Merchant newcomer = journey.merchant("Crash newcomer");
        List<Integer> newcomerAnswers = new ArrayList<>();
        Summary summary = underLoad("PostgreSQL restarted under the platform", "pg", POSTGRES_STOPS, (client, number) -> {
            int failed = client.failures();
            client.disrupting();
            postgres.stop(number % 2 == 0 ? LocalPostgres.Shutdown.IMMEDIATE : LocalPostgres.Shutdown.FAST);
            // Down until the platform reports itself unready and every client has been refused twice.
            await().atMost(Duration.ofMinutes(1)).until(() -> readiness() == 503 && client.failures() >= failed + 2 * CLIENTS);
            newcomerAnswers.add(status(newcomer.token(), "/api/v1/members?size=1"));
            postgres.startAgain();
            await().atMost(Duration.ofMinutes(1)).until(() -> readiness() == 200);
        });
        System.out.println("[reliability]   while PostgreSQL was down: writes answered " + summary.client().serverStatuses
                + ", a staff token not seen before answered " + newcomerAnswers);
        assertThat(summary.client().serverErrors.get()).as("writes refused while PostgreSQL was down")
                .isGreaterThanOrEqualTo(2 * CLIENTS * POSTGRES_STOPS);
        // A database outage is a reason to retry, said as such: never a 500 (a bug) nor a 401 (a bad token).
        assertThat(summary.client().serverStatuses.keySet()).as("statuses of the refused writes").containsOnly(503);
        assertThat(newcomerAnswers).as("a staff token first seen during the outage").containsOnly(503);
        assertThat(readiness()).as("readiness after PostgreSQL came back").isEqualTo(200);
    }

    private record Summary(MerchantSystem client, Books.Audit audit) {
    }

    private static Summary underLoad(String scenario, String prefix, int disruptions, Disruption disruption) throws Exception {
        long started = System.nanoTime();
        MarketJourney.Merchant shop = journey.merchant("Crash " + prefix);
        shop.call("POST", "/api/v1/webhooks", Map.of("url", receiver.url(), "eventTypes", Books.EVENT_TYPES), 201);
        String template = shop.call("POST", "/api/v1/coupon-templates", Map.of("name", "5 yuan off", "kind", "AMOUNT_OFF", "value", 500,
                "validityDays", 30), 201).get("id").asText();
        List<List<Workload.Member>> byClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Workload.Member> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_CLIENT; m++) {
                members.add(new Workload.Member(shop.member(String.format("139%04d%04d", c, m))));
            }
            byClient.add(members);
        }

        MerchantSystem client = new MerchantSystem(journey.platform().apiUrl(), shop.token());
        Workload load = Workload.start(client, prefix, template, byClient);
        for (int d = 0; d < disruptions; d++) {
            awaitMore(load);
            disruption.apply(client, d);
        }
        awaitMore(load);
        List<Workload.Member> members = load.finish();
        long loadSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Books books = new Books(property("quarkus.datasource.jdbc.url"), property("memberhub.migration.username"),
                property("memberhub.migration.password"), shop.id());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> books.undelivered() == 0);
        Books.Audit audit = books.check(members, receiver);
        assertThat(audit.writes()).as("writes acknowledged").isGreaterThanOrEqualTo(WRITES_BETWEEN * (disruptions + 1));

        System.out.printf("""
                [reliability] %s: %d clients, %d members, %d disruption(s), %d s of load
                [reliability]   writes acknowledged %d (orders %d, points redemptions %d, top-ups %d, wallet payments %d, coupons issued %d, \
                coupons redeemed %d); attempts %d, retried after a connection error %d, after a 5xx %d, requests cut in flight %d, \
                answers replayed from the first attempt %d
                [reliability]   invariants held for every member: points ledger = balance, stored-value ledger = balance, each order \
                earned its points once, each redemption, top-up, payment and coupon once; events %d of %d delivered \
                (%d deliveries, repeats de-duplicated by event id), 0 outbox events left unpublished
                """, scenario, CLIENTS, audit.members(), disruptions, loadSeconds, audit.writes(), audit.orders(), audit.redemptions(),
                audit.topUps(), audit.payments(), audit.coupons(), audit.couponsRedeemed(), client.attempts.get(),
                client.connectionErrors.get(), client.serverErrors.get(), client.cut.get(), client.replayed.get(), audit.events(),
                audit.writes(), audit.deliveries());
        return new Summary(client, audit);
    }

    /** Waits for {@link #WRITES_BETWEEN} more writes to be acknowledged. */
    private static void awaitMore(Workload load) {
        int target = load.acknowledged() + WRITES_BETWEEN;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> load.acknowledged() >= target);
    }

    private static String property(String name) {
        return journey.platform().stack().platformProperties().get(name);
    }

    private static int readiness() throws Exception {
        return status(null, "/q/health/ready");
    }

    private static int status(String token, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(journey.platform().apiUrl() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
