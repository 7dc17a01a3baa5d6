package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What listener plugins must hear whatever carries the events: the same scenario for each transport. */
public final class ListenerScenarios {

    /** Counts, per event id, how often it was handed the event; notes the id of the last event of each type. */
    static final String COUNTING = """
            import io.memberhub.plugin.api.PluginContext;
            import io.memberhub.plugin.api.event.spi.EventListener;
            import io.memberhub.plugin.api.event.spi.PlatformEvent;
            public class Counting implements EventListener {
                public void onEvent(PlatformEvent event, PluginContext context) {
                    String key = "heard:" + event.id();
                    long times = context.storage().get(key).map(Long::parseLong).orElse(0L);
                    context.storage().put(key, String.valueOf(times + 1));
                    context.storage().put("last:" + event.type(), event.id());
                }
            }
            """;

    private ListenerScenarios() {
    }

    /**
     * An event recorded by an instance that died before publishing it still reaches the plugin, and
     * an event the relay hands on a second time (it died before marking it published) is heard once.
     */
    public static void anUnpublishedEventIsHeardOnceThoughHandedOnTwice(PluginHost host, Path build) throws IOException {
        String plugin = host.install(TestPlugins.build(build, TestPlugins.Spec.of(Merchants.uniqueSlug("counting"), "Counting", COUNTING))).id();
        Merchant m = Merchants.signUp("plugin-once");
        m.asOwner().body(Map.of()).put("/api/v1/plugins/" + plugin + "/enablement").then().statusCode(200);

        // Recorded, committed, and never published or heard of in process: the instance stopped.
        String event = UUID.randomUUID().toString();
        TenantSql.update(m.id(), "insert into outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload, created_at) "
                + "values (?, cast(? as uuid), 'OrderRecorded', 'member', ?, cast('{}' as jsonb), now())", m.id(), event, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> heard(m, plugin, event) == 1);

        // As if the relay had crashed after handing the event on but before marking it published.
        TenantSql.updateAsOwner(m.id(), "update outbox_event set published_at = null where id = cast(? as uuid)", event);
        await().atMost(Duration.ofSeconds(15)).until(() -> TenantSql.query(m.id(),
                "select 1 from outbox_event where id = cast(? as uuid) and published_at is null", event).isEmpty());
        // A merchant's events reach the plugin in order: once a later one is heard, the repeat has been handled.
        MerchantPlugins.member(m, "15500000099");
        await().atMost(Duration.ofSeconds(15)).until(() -> MerchantPlugins.storage(m, plugin).containsKey("last:MemberRegistered"));
        assertThat(heard(m, plugin, event)).isEqualTo(1);
    }

    static long heard(Merchant m, String plugin, String eventId) {
        Object times = MerchantPlugins.storage(m, plugin).get("heard:" + eventId);
        return times == null ? 0 : Long.parseLong(times.toString());
    }
}
