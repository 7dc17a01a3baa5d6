package io.memberhub.platform.plugin;

import static io.memberhub.platform.plugin.MerchantPlugins.BASE_POINTS;
import static io.memberhub.platform.plugin.MerchantPlugins.enable;
import static io.memberhub.platform.plugin.MerchantPlugins.member;
import static io.memberhub.platform.plugin.MerchantPlugins.order;
import static io.memberhub.platform.plugin.MerchantPlugins.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin whose call runs out of memory: the error ends the plugin's call, the order it was asked
 * about is recorded without it, the plugin is suspended for that merchant at once (the heap is
 * everybody's), and the core goes on serving the merchant's other plugins and other merchants.
 * The plugin asks for one array beyond what Java allows any heap to hold, so the error comes at
 * once and deterministically without filling the shared test JVM's heap.
 */
@QuarkusTest
class PluginOutOfMemoryTest {

    private static final String GREEDY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Greedy implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    long[] everything = new long[Integer.MAX_VALUE];
                    return everything.length;
                }
            }
            """;

    private static final String STEADY = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.points.spi.OrderFact;
            import io.memberhub.plugin.api.points.spi.PointsEarnRule;
            public class Steady implements PointsEarnRule {
                public long extraPoints(OrderFact order, PluginContext context) {
                    return 3;
                }
            }
            """;

    @Inject
    PluginHost host;

    @TempDir
    Path build;

    @Test
    void aCallThatRunsOutOfMemorySuspendsThatPluginAtOnceAndEverythingElseGoesOn() throws IOException {
        String greedy = host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("greedy"), "Greedy", GREEDY))).id();
        String steady = host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("steady"), "Steady", STEADY))).id();
        Merchant m = Merchants.signUp("oom");
        Merchant other = Merchants.signUp("oom-other");
        for (String plugin : new String[] {greedy, steady}) {
            enable(m, plugin, null, Map.of()).statusCode(200);
            enable(other, plugin, null, Map.of()).statusCode(200);
        }
        String member = member(m, "15800000001");

        assertThat(order(m, member, "OOM-1")).as("recorded with the steady plugin's points only").isEqualTo(BASE_POINTS + 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUSPENDED".equals(state(m, greedy).getString("status")));
        assertThat(state(m, greedy).getString("suspendedReason")).contains("out of memory").contains("OutOfMemoryError");
        assertThat(state(m, greedy).getLong("calls.failures")).isEqualTo(1);

        assertThat(order(m, member, "OOM-2")).as("the suspended plugin is not called again").isEqualTo(BASE_POINTS + 3);
        assertThat(state(m, greedy).getLong("calls.total")).isEqualTo(1);
        assertThat(state(m, steady).getString("status")).isEqualTo("ENABLED");
        // Another merchant's call to the same plugin fails alone and counts for that merchant only.
        String othersMember = member(other, "15800000002");
        assertThat(order(other, othersMember, "OOM-3")).isEqualTo(BASE_POINTS + 3);
        System.out.println("[abuse] plugin out of memory: call failed alone, plugin suspended at once, orders kept being recorded");
    }
}
