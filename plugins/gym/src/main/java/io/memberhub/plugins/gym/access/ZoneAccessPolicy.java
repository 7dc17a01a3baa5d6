package io.memberhub.plugins.gym.access;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.access.spi.AccessPolicy;
import io.memberhub.plugin.api.access.spi.AccessRequest;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugins.gym.GymSettings;
import io.memberhub.plugins.gym.presence.PresenceStore;
import io.memberhub.plugins.gym.zone.Zone;
import io.memberhub.plugins.gym.zone.ZoneStore;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** "May member M enter zone Z now" for the merchant's gym zones; zones the gym does not define are not its business. */
@Extension
public class ZoneAccessPolicy implements AccessPolicy {

    @Override
    public AccessDecision decide(AccessRequest request, PluginContext context) {
        Optional<Zone> zone = ZoneStore.find(context, request.zone());
        if (zone.isEmpty()) {
            return AccessDecision.allow();
        }
        boolean levelMatters = zone.get().minLevel() != null;
        List<LevelInfo> ladder = levelMatters ? context.levels().levels() : List.of();
        MemberLevel member = levelMatters ? context.levels().of(request.memberId()).orElse(null) : null;
        var facts = new EntryCheck.Facts(request.at(), GymSettings.timeZone(context), GymSettings.get(context, GymSettings.TIME_ZONE),
                ladder, member, PresenceStore.since(context, request.memberId(), request.zone()));
        return EntryCheck.decide(zone.get(), facts);
    }
}
