package io.memberhub.plugins.gym.zone;

import io.memberhub.plugins.gym.starter.GymLadder;
import java.util.List;

/** The zones a merchant starts with, fitting the gym starter's ladder; edited through the zone routes afterwards. */
final class DefaultZones {

    static final List<Zone> ZONES = List.of(
            new Zone("lobby", null, OpeningHours.parse("06:00-23:00"), true),
            new Zone("locker-room", GymLadder.ANNUAL_CARD, OpeningHours.parse("06:00-23:00"), false),
            new Zone("pt-area", GymLadder.PERSONAL_TRAINING, OpeningHours.parse("07:00-22:00"), false));

    private DefaultZones() {
    }
}
