package io.memberhub.plugins.gym.access;

import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugins.gym.zone.Zone;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Whether a member may enter a zone at a moment, with the reason a gate shows when not. The checks go
 * from what concerns everyone to what concerns this member: opening hours, then the level (telling a
 * card that ran out from a level that never sufficed), then an IN without its OUT.
 */
final class EntryCheck {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** What the decision needs to know, gathered by the policy from the platform and the plugin's tables. */
    record Facts(Instant at, Optional<ZoneId> timeZone, String timeZoneSetting, List<LevelInfo> ladder, MemberLevel member,
                 Optional<Instant> insideSince) {
    }

    private EntryCheck() {
    }

    static AccessDecision decide(Zone zone, Facts facts) {
        return hours(zone, facts)
                .or(() -> level(zone, facts))
                .or(() -> facts.insideSince().map(since -> AccessDecision.deny("Already inside " + zone.name() + " since "
                        + local(since, facts) + " with no OUT passage since; leave through the gate first")))
                .orElseGet(AccessDecision::allow);
    }

    private static Optional<AccessDecision> hours(Zone zone, Facts facts) {
        if (zone.hours() == null) {
            return Optional.empty();
        }
        if (facts.timeZone().isEmpty()) {
            return Optional.of(AccessDecision.deny(zone.name() + " keeps opening hours, but the gym's timeZone setting '"
                    + facts.timeZoneSetting() + "' is not a time zone (e.g. Asia/Shanghai); staff must correct it"));
        }
        ZonedDateTime now = facts.at().atZone(facts.timeZone().get());
        if (zone.hours().isOpenAt(now.toLocalTime())) {
            return Optional.empty();
        }
        return Optional.of(AccessDecision.deny("Outside opening hours: " + zone.name() + " is open " + zone.hours() + " ("
                + facts.timeZone().get().getId() + "), it is " + now.format(CLOCK) + " now"));
    }

    private static Optional<AccessDecision> level(Zone zone, Facts facts) {
        if (zone.minLevel() == null) {
            return Optional.empty();
        }
        Optional<LevelInfo> needed = facts.ladder().stream().filter(level -> level.name().equals(zone.minLevel())).findFirst();
        if (needed.isEmpty()) {
            return Optional.of(AccessDecision.deny(zone.name() + " is for " + zone.minLevel()
                    + " and up, which is not one of this gym's levels; staff must correct the zone or adopt the gym starter"));
        }
        int rank = needed.get().rank();
        MemberLevel member = facts.member();
        if (member != null && member.atLeast(rank)) {
            return Optional.empty();
        }
        if (member != null && member.paidLevel() != null && member.paidLevel().rank() >= rank && member.paidUntil() != null
                && !member.paidUntil().isAfter(facts.at())) {
            return Optional.of(AccessDecision.deny("Card expired: the " + member.paidLevel().name() + " ran out on "
                    + member.paidUntil().atZone(facts.timeZone().orElse(ZoneId.of("UTC"))).toLocalDate() + "; " + zone.name()
                    + " is for " + zone.minLevel() + " and up"));
        }
        String held = member == null || member.level() == null ? "has no level" : "is " + member.level().name();
        return Optional.of(AccessDecision.deny("Level too low: " + zone.name() + " is for " + zone.minLevel() + " and up; the member "
                + held));
    }

    private static String local(Instant at, Facts facts) {
        return facts.timeZone().map(zone -> at.atZone(zone).format(CLOCK)).orElse(at.toString());
    }
}
