package io.memberhub.platform.pluginapi;

import io.memberhub.platform.level.LevelPurchases;
import io.memberhub.platform.level.LevelRef;
import io.memberhub.platform.level.LevelService;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberService;
import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.level.LevelApi;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.level.MemberLevel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link LevelApi} for one plugin and merchant: names and ranks, never the merchant's rules or prices. */
final class ContextLevels implements LevelApi {

    private final PluginCaller caller;
    private final LevelService levels;
    private final MemberLevels memberLevels;
    private final LevelPurchases purchases;
    private final MemberService members;

    ContextLevels(PluginCaller caller, LevelService levels, MemberLevels memberLevels, LevelPurchases purchases, MemberService members) {
        this.caller = caller;
        this.levels = levels;
        this.memberLevels = memberLevels;
        this.purchases = purchases;
        this.members = members;
    }

    @Override
    public List<LevelInfo> levels() {
        caller.require(Permissions.LEVELS_READ);
        return PlatformSide.call(() -> levels.list(caller).stream().map(l -> new LevelInfo(l.name(), l.rank())).toList());
    }

    @Override
    public Optional<MemberLevel> of(UUID memberId) {
        caller.require(Permissions.LEVELS_READ);
        ArgumentChecks.notNull(memberId, "memberId");
        return PlatformSide.callInOneTransaction(() -> {
            if (!members.isLive(caller, memberId)) {
                return Optional.empty();
            }
            MemberLevels.Standing standing = memberLevels.current(caller, memberId);
            // The newest purchase, even one that ran out: a gate tells "card expired" from "level too low" by it.
            Optional<LevelPurchases.Latest> lastPurchase = purchases.latest(caller, memberId);
            return Optional.of(new MemberLevel(memberId, info(standing.level()), standing.since(),
                    lastPurchase.map(p -> info(p.level())).orElse(null),
                    lastPurchase.map(LevelPurchases.Latest::validUntil).orElse(null)));
        });
    }

    @Override
    public List<MemberLevel> members(UUID after, int limit) {
        caller.require(Permissions.LEVELS_LIST);
        ArgumentChecks.require(limit >= 1 && limit <= 1000, "limit must be 1 to 1000");
        return PlatformSide.call(() -> memberLevels.page(caller, after, limit).stream()
                .map(s -> new MemberLevel(s.memberId(), info(s.level()), s.since(), info(s.paidLevel()), s.paidUntil()))
                .toList());
    }

    private static LevelInfo info(LevelRef level) {
        return level == null ? null : new LevelInfo(level.name(), level.rank());
    }
}
