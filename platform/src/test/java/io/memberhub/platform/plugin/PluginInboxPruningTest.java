package io.memberhub.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.TenantSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plugin event inbox keeps what stops redeliveries, and no more. */
@QuarkusTest
class PluginInboxPruningTest {

    @Inject
    PluginInboxPruning pruning;

    @Test
    void rowsPastTheRetentionArePrunedNightlyAndRecentOnesKept() {
        Merchant m = Merchants.signUp("inbox-prune");
        Merchant other = Merchants.signUp("inbox-prune-other");
        UUID old = received(m, Duration.ofDays(31));
        UUID recent = received(m, Duration.ofDays(29));
        UUID othersOld = received(other, Duration.ofDays(31));

        pruning.nightly();

        assertThat(TenantSql.query(m.id(), "select cast(event_id as text) as id from plugin_event_inbox").stream().map(r -> r.get("id")))
                .containsExactly(recent.toString()).doesNotContain(old.toString());
        assertThat(TenantSql.query(other.id(), "select cast(event_id as text) as id from plugin_event_inbox").stream().map(r -> r.get("id")))
                .doesNotContain(othersOld.toString());
    }

    private static UUID received(Merchant m, Duration ago) {
        UUID event = UUID.randomUUID();
        TenantSql.update(m.id(), "insert into plugin_event_inbox (tenant_id, plugin_id, event_id, received_at) values (?, ?, ?, ?)",
                m.id(), "some-plugin", event, Timestamp.from(Instant.now().minus(ago)));
        return event;
    }
}
