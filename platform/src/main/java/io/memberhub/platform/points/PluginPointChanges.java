package io.memberhub.platform.points;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Points a plugin grants or takes through its context: a ledger line with the plugin's reason and
 * {@code plugin:<id>} as its source, made once per idempotency key of that plugin. Plugin points
 * never count toward the {@code POINTS_EARNED} level metric (only order points do).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class PluginPointChanges {

    /** The platform's own ledger reasons: a plugin's line must not pass for one of them. */
    public static final Set<String> PLATFORM_REASONS = Set.of("ORDER", "ORDER_PLUGIN", "REFUND", PointsLedger.EXPIRY_REASON,
            PointsRedemptions.REASON, RedemptionCancellations.REASON, ProfileCompletionPoints.REASON, "COUPON_PURCHASE", "SIGN_IN",
            "LEVEL_GIFT", "MALL_REDEMPTION", "MALL_REDEMPTION_CANCELLED");

    @Inject
    IdempotentWrites idempotent;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsSettingsService settings;

    @Inject
    MemberService members;

    @Inject
    Outbox outbox;

    /** What one change did; {@code points} negative for a deduction. */
    public record Change(UUID memberId, long points, long balance) {
    }

    /** What the idempotency record compares a retry with. */
    record Asked(String kind, UUID memberId, long points, String reason) {
    }

    /** Event payload of a change, for listeners and webhooks. */
    record Changed(UUID memberId, String pluginId, long points, String reason, long balance) {
    }

    public Outcome<Change> grant(TenantBound tenant, String pluginId, UUID memberId, long points, String reason, String key) {
        return idempotent.run(tenant, scope(pluginId), key, new Asked("grant", memberId, points, reason), Change.class, () -> {
            members.requireLive(tenant, memberId);
            Instant expiresAt = Instant.now().plus(Duration.ofDays(settings.get(tenant).validityDays()));
            long balance = ledger.earn(tenant, memberId, points, reason, source(pluginId), key, expiresAt);
            outbox.append(tenant, "PluginPointsGranted", "member", memberId, new Changed(memberId, pluginId, points, reason, balance));
            return new Change(memberId, points, balance);
        });
    }

    public Outcome<Change> deduct(TenantBound tenant, String pluginId, UUID memberId, long points, String reason, String key) {
        return idempotent.run(tenant, scope(pluginId), key, new Asked("deduct", memberId, points, reason), Change.class, () -> {
            members.requireLive(tenant, memberId);
            long balance = ledger.spend(tenant, memberId, points, reason, source(pluginId), key);
            outbox.append(tenant, "PluginPointsDeducted", "member", memberId, new Changed(memberId, pluginId, -points, reason, balance));
            return new Change(memberId, -points, balance);
        });
    }

    /** The balance with lots past their validity written off first. */
    public long balance(TenantBound tenant, UUID memberId) {
        members.requireLive(tenant, memberId);
        return ledger.lockAndSettle(tenant, memberId);
    }

    private static String scope(String pluginId) {
        return "plugin-points:" + pluginId;
    }

    private static String source(String pluginId) {
        return "plugin:" + pluginId;
    }
}
