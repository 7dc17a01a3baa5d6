package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.points.PointsApi;
import io.memberhub.plugin.api.points.PointsChange;
import io.memberhub.platform.idempotency.IdempotentWrites.Outcome;
import io.memberhub.platform.points.PluginPointChanges;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** {@link PointsApi} for one plugin and merchant: whole points, a reason code, one change per key. */
final class ContextPoints implements PointsApi {

    /** A plugin's bug must not mint or burn millions in one call. */
    static final long MAX_POINTS = 10_000_000;
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{2,39}");

    private final PluginCaller caller;
    private final PluginPointChanges changes;

    ContextPoints(PluginCaller caller, PluginPointChanges changes) {
        this.caller = caller;
        this.changes = changes;
    }

    @Override
    public PointsChange grant(UUID memberId, long points, String reason, String idempotencyKey) {
        check(memberId, points, reason, idempotencyKey);
        return answer(() -> changes.grant(caller, caller.pluginId(), memberId, points, reason, idempotencyKey));
    }

    @Override
    public PointsChange deduct(UUID memberId, long points, String reason, String idempotencyKey) {
        check(memberId, points, reason, idempotencyKey);
        return answer(() -> changes.deduct(caller, caller.pluginId(), memberId, points, reason, idempotencyKey));
    }

    @Override
    public long balance(UUID memberId) {
        caller.requireAny(Permissions.POINTS_READ, Permissions.POINTS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.call(() -> changes.balance(caller, memberId));
    }

    private void check(UUID memberId, long points, String reason, String idempotencyKey) {
        caller.require(Permissions.POINTS_WRITE);
        ArgumentChecks.notNull(memberId, "memberId");
        ArgumentChecks.require(points > 0 && points <= MAX_POINTS, "points must be 1 to " + MAX_POINTS + ", was " + points);
        ArgumentChecks.matches(reason, REASON, "reason");
        ArgumentChecks.require(!PluginPointChanges.PLATFORM_REASONS.contains(reason), "reason " + reason + " is the platform's own");
        ArgumentChecks.idempotencyKey(idempotencyKey);
    }

    private static PointsChange answer(Supplier<Outcome<PluginPointChanges.Change>> change) {
        Outcome<PluginPointChanges.Change> outcome = PlatformSide.call(change);
        PluginPointChanges.Change done = outcome.response();
        return new PointsChange(done.memberId(), done.points(), done.balance(), outcome.replayed());
    }
}
