package io.memberhub.platform.plugin;

import static io.memberhub.platform.plugin.MerchantPlugins.BASE_POINTS;
import static io.memberhub.platform.plugin.MerchantPlugins.enable;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.order;
import static io.memberhub.platform.plugin.MerchantPlugins.state;
import static io.memberhub.platform.plugin.MerchantPlugins.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several versions of a plugin at once: each merchant on the version it chose, upgrades and rollbacks while running. */
@QuarkusTest
class PluginVersionsTest {

    /** Version {@code factor}: perOrder x factor extra points; counts the merchant's orders in its storage. */
    private static String bonus(int factor) {
        return """
                import io.memberhub.plugin.api.PluginContext;
                import io.memberhub.plugin.api.points.spi.OrderFact;
                import io.memberhub.plugin.api.points.spi.PointsEarnRule;
                public class Bonus implements PointsEarnRule {
                    public long extraPoints(OrderFact order, PluginContext context) {
                        long seen = context.storage().get("orders").map(Long::parseLong).orElse(0L);
                        context.storage().put("orders", String.valueOf(seen + 1));
                        return %d * Long.parseLong(context.config().get("perOrder"));
                    }
                }
                """.formatted(factor);
    }

    /**
     * Signals the latch in system property {@code <id>.entered}, then waits for {@code <id>.release}
     * whatever happens (interrupts included), and notes in its storage that it finished.
     */
    private static final String BLOCKING = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            import java.util.concurrent.CountDownLatch;
            public class Bonus implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    String id = context.config().get("latches");
                    ((CountDownLatch) System.getProperties().get(id + ".entered")).countDown();
                    CountDownLatch release = (CountDownLatch) System.getProperties().get(id + ".release");
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                        }
                    }
                    context.storage().put("finishedBy", "1.0.0 " + order.externalId());
                    return 1;
                }
            }
            """;

    @Inject
    PluginHost host;

    @Inject
    PluginChanges changes;

    @Inject
    PluginRecords records;

    @TempDir
    Path build;

    @Test
    void anUpgradeAndARollbackKeepThePluginsStorageAndThePointsAddUp() throws IOException {
        String id = Merchants.uniqueSlug("versions");
        install(id, "1.0.0", bonus(1));
        Merchant m = Merchants.signUp("plugin-upgrade");
        String member = member(m, "15500000101");
        enable(m, id, null, Map.of("perOrder", "5")).statusCode(200).body("enabledVersion", equalTo("1.0.0"));
        assertThat(order(m, member, "U-1")).isEqualTo(BASE_POINTS + 5);

        install(id, "1.1.0", bonus(2));
        assertThat(state(m, id).getString("enabledVersion")).as("installing a version upgrades nobody").isEqualTo("1.0.0");
        assertThat(state(m, id).getList("versions")).containsExactly("1.1.0", "1.0.0");
        assertThat(order(m, member, "U-2")).isEqualTo(BASE_POINTS + 5);

        enable(m, id, "1.1.0", Map.of("perOrder", "5")).statusCode(200).body("enabledVersion", equalTo("1.1.0"))
                .body("version", equalTo("1.1.0"));
        assertThat(order(m, member, "U-3")).isEqualTo(BASE_POINTS + 10);

        enable(m, id, "1.0.0", Map.of("perOrder", "5")).statusCode(200).body("enabledVersion", equalTo("1.0.0"));
        assertThat(order(m, member, "U-4")).isEqualTo(BASE_POINTS + 5);

        assertThat(storage(m, id)).as("one count across versions").containsEntry("orders", "4");
        m.asOwner().get("/api/v1/members/" + member + "/points").then().statusCode(200)
                .body("balance", equalTo((int) (4 * BASE_POINTS + 5 + 5 + 10 + 5)));
        enable(m, id, "9.9.9", Map.of("perOrder", "5")).statusCode(404).body("code", equalTo("PLUGIN_VERSION_NOT_FOUND"));
    }

    @Test
    void twoMerchantsOnTwoVersionsAtTheSameTimeGetEachTheirsAndAMerchantWithoutAChoiceGetsTheNewest() throws IOException {
        String id = Merchants.uniqueSlug("versions");
        install(id, "1.0.0", bonus(1));
        install(id, "1.1.0", bonus(3));
        Merchant a = Merchants.signUp("plugin-version-a");
        Merchant b = Merchants.signUp("plugin-version-b");
        enable(a, id, "1.0.0", Map.of("perOrder", "4")).statusCode(200);
        enable(b, id, null, Map.of("perOrder", "4")).statusCode(200).body("enabledVersion", equalTo("1.1.0"));

        String memberA = member(a, "15500000111");
        String memberB = member(b, "15500000112");
        List<CompletableFuture<Long>> orders = List.of(
                CompletableFuture.supplyAsync(() -> order(a, memberA, "VA-1")), CompletableFuture.supplyAsync(() -> order(b, memberB, "VB-1")));
        assertThat(orders.get(0).join()).isEqualTo(BASE_POINTS + 4);
        assertThat(orders.get(1).join()).isEqualTo(BASE_POINTS + 12);
        assertThat(host.loadedVersions()).contains(new PluginVersion(id, "1.0.0"), new PluginVersion(id, "1.1.0"));

        // Operators see the same on the instance that answers; merchants do not see it at all.
        Merchants.as(io.memberhub.platform.KeycloakAdminAccess.platformAdminToken()).get("/api/v1/platform/plugins").then().statusCode(200)
                .body("instance", org.hamcrest.Matchers.containsString("@"))
                .body("versions.findAll { it.pluginId == '" + id + "' }.version", equalTo(List.of("1.1.0", "1.0.0")))
                .body("versions.findAll { it.pluginId == '" + id + "' }.newest", equalTo(List.of(true, false)))
                .body("versions.findAll { it.pluginId == '" + id + "' }.loaded", equalTo(List.of(true, true)));
        a.asOwner().get("/api/v1/platform/plugins").then().statusCode(403);
    }

    /** Keys of the latches handed to test plugins as system properties. */
    private final List<String> latches = new ArrayList<>();

    /**
     * Removed after each test: a later application boot in this JVM (another test profile) reads every
     * system property as a string, and Narayana fails to start on a latch.
     */
    @AfterEach
    void removeLatches() {
        latches.forEach(System.getProperties()::remove);
        latches.clear();
    }

    private void latch(String key, CountDownLatch latch) {
        System.getProperties().put(key, latch);
        latches.add(key);
    }

    @Test
    void aCallRunningInTheOldVersionFinishesThereAndTheOldVersionIsUnloadedOnlyAfterIt() throws IOException {
        String id = Merchants.uniqueSlug("versions");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        latch(id + ".entered", entered);
        latch(id + ".release", release);
        install(id, "1.0.0", BLOCKING);
        install(id, "1.1.0", bonus(2));
        Merchant m = Merchants.signUp("plugin-drain");
        String member = member(m, "15500000121");
        enable(m, id, "1.0.0", Map.of("perOrder", "3", "latches", id)).statusCode(200);

        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> order(m, member, "D-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 0);

        enable(m, id, "1.1.0", Map.of("perOrder", "3", "latches", id)).statusCode(200);
        long upgrade = records.lastChange();
        assertThat(order(m, member, "D-2")).as("the next call goes to 1.1.0").isEqualTo(BASE_POINTS + 6);
        // The order waited its 500 ms for 1.0.0 and went on without it; the call itself still runs.
        assertThat(running.join()).isEqualTo(BASE_POINTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.seen() >= upgrade);
        assertThat(host.loadedVersions()).as("nobody uses 1.0.0 any more, but a call runs in it")
                .contains(new PluginVersion(id, "1.0.0"));

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(storage(m, id)).containsEntry("finishedBy", "1.0.0 D-1");
            assertThat(host.loadedVersions()).doesNotContain(new PluginVersion(id, "1.0.0")).contains(new PluginVersion(id, "1.1.0"));
        });

        // Rolling back loads 1.0.0 again.
        latch(id + ".entered", new CountDownLatch(1));
        enable(m, id, "1.0.0", Map.of("perOrder", "3", "latches", id)).statusCode(200);
        assertThat(order(m, member, "D-3")).isEqualTo(BASE_POINTS + 1);
    }

    @Test
    void aVersionInstalledAndEnabledOnAnotherInstanceReachesThisOne() throws IOException {
        String id = Merchants.uniqueSlug("elsewhere");
        Path jar = TestPlugins.build(build, TestPlugins.Spec.of(id, "Bonus", bonus(1)).with("Plugin-Config-Required", "perOrder"), "2.0.0");
        Merchant m = Merchants.signUp("plugin-cluster");
        String member = member(m, "15500000131");

        // What another instance writes when it installs a version from the shared market storage.
        TenantSql.update(m.id(), "insert into plugin (id, version, requires, state, installed_at, updated_at) "
                + "values (?, '2.0.0', '^1.0.0', 'INSTALLED', now(), now())", id);
        TenantSql.update(m.id(), "insert into plugin_version (plugin_id, version, requires, source, installed_at) "
                + "values (?, '2.0.0', '^1.0.0', ?, now())", id, jar.toString());
        TenantSql.update(m.id(), "insert into plugin_change (plugin_id, version, kind) values (?, '2.0.0', 'INSTALLED')", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> host.installed(id, "2.0.0"));

        // ... and when the merchant enables it there.
        TenantSql.update(m.id(), "insert into tenant_plugin (tenant_id, plugin_id, version, enabled, config, updated_at) "
                + "values (?, ?, '2.0.0', true, '{\"perOrder\": \"8\"}', now())", m.id(), id);
        TenantSql.update(m.id(), "insert into plugin_change (plugin_id, version, kind) values (?, '2.0.0', 'ENABLEMENT')", id);
        // This instance remembers enablements for calls like orders (ADR 0014): it follows the change at its next poll.
        long change = records.lastChange();
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.seen() >= change);
        assertThat(order(m, member, "C-1")).isEqualTo(BASE_POINTS + 8);
        assertThat(state(m, id).getString("enabledVersion")).isEqualTo("2.0.0");
    }

    private void install(String id, String version, String source) throws IOException {
        host.install(TestPlugins.build(build, TestPlugins.Spec.of(id, "Bonus", source).with("Plugin-Config-Required", "perOrder")
                .with("Plugin-Config-Optional", "latches"), version));
    }
}
