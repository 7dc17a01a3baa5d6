package io.memberhub.plugins.gym.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.level.LevelInfo;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugins.gym.zone.OpeningHours;
import io.memberhub.plugins.gym.zone.Zone;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a gate shows for each reason. The card that ran out is covered here: the platform sells a level
 * for a month at least, from now, so an end-to-end test cannot hold a card whose end has passed.
 */
class EntryCheckTest {

    private static final LevelInfo TRIAL = new LevelInfo("Trial", 0);
    private static final LevelInfo ANNUAL = new LevelInfo("Annual card", 1);
    private static final LevelInfo TRAINING = new LevelInfo("Personal-training member", 2);
    private static final List<LevelInfo> LADDER = List.of(TRIAL, ANNUAL, TRAINING);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant MORNING = Instant.parse("2026-12-04T02:00:00Z");
    private static final Zone LOCKERS = new Zone("locker-room", "Annual card", OpeningHours.parse("06:00-23:00"), false);
    private static final UUID MEMBER = UUID.randomUUID();

    @Test
    void aCardThatRanOutIsRefusedAsExpiredWithItsDateNotAsTooLow() {
        Instant ranOut = Instant.parse("2026-11-30T15:00:00Z");
        MemberLevel lapsed = new MemberLevel(MEMBER, TRIAL, ranOut, ANNUAL, ranOut);

        AccessDecision decision = EntryCheck.decide(LOCKERS, facts(MORNING, lapsed, Optional.empty()));

        assertThat(decision.verdict()).isEqualTo(AccessDecision.Verdict.DENY);
        assertThat(decision.reason()).isEqualTo("Card expired: the Annual card ran out on 2026-11-30; locker-room is for Annual card and up");
    }

    @Test
    void aLapsedCardBelowTheZoneIsALevelTooLowAndARunningCardLetsIn() {
        Instant ranOut = Instant.parse("2026-11-30T15:00:00Z");
        Zone ptArea = new Zone("pt-area", "Personal-training member", null, false);
        MemberLevel lapsed = new MemberLevel(MEMBER, TRIAL, ranOut, ANNUAL, ranOut);
        assertThat(EntryCheck.decide(ptArea, facts(MORNING, lapsed, Optional.empty())).reason())
                .isEqualTo("Level too low: pt-area is for Personal-training member and up; the member is Trial");

        Instant runsUntil = Instant.parse("2027-12-04T02:00:00Z");
        MemberLevel holder = new MemberLevel(MEMBER, ANNUAL, MORNING, ANNUAL, runsUntil);
        assertThat(EntryCheck.decide(LOCKERS, facts(MORNING, holder, Optional.empty())).verdict()).isEqualTo(AccessDecision.Verdict.ALLOW);
    }

    @Test
    void hoursAreTheGymsLocalTimeAndMayRunPastMidnight() {
        MemberLevel holder = new MemberLevel(MEMBER, ANNUAL, MORNING, null, null);
        Instant lateNight = Instant.parse("2026-12-04T15:30:00Z");

        assertThat(EntryCheck.decide(LOCKERS, facts(lateNight, holder, Optional.empty())).reason())
                .isEqualTo("Outside opening hours: locker-room is open 06:00-23:00 (Asia/Shanghai), it is 23:30 now");
        Zone nightOwls = new Zone("night-gym", null, OpeningHours.parse("22:00-02:00"), false);
        assertThat(EntryCheck.decide(nightOwls, facts(lateNight, holder, Optional.empty())).verdict()).isEqualTo(AccessDecision.Verdict.ALLOW);
        assertThat(EntryCheck.decide(nightOwls, facts(MORNING, holder, Optional.empty())).verdict()).isEqualTo(AccessDecision.Verdict.DENY);
    }

    @Test
    void aMemberInsideIsRefusedUntilTheirOut() {
        MemberLevel holder = new MemberLevel(MEMBER, ANNUAL, MORNING, null, null);
        Instant entered = Instant.parse("2026-12-04T01:15:00Z");

        assertThat(EntryCheck.decide(LOCKERS, facts(MORNING, holder, Optional.of(entered))).reason())
                .isEqualTo("Already inside locker-room since 09:15 with no OUT passage since; leave through the gate first");
    }

    private static EntryCheck.Facts facts(Instant at, MemberLevel member, Optional<Instant> insideSince) {
        return new EntryCheck.Facts(at, Optional.of(SHANGHAI), SHANGHAI.getId(), LADDER, member, insideSince);
    }
}
