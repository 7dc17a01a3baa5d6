package io.memberhub.plugins.gym.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    @Test
    void closingIsExclusiveAndTwentyFourClosesAtTheEndOfTheDay() {
        OpeningHours day = OpeningHours.parse("06:00-23:00");
        assertThat(day.isOpenAt(LocalTime.of(6, 0))).isTrue();
        assertThat(day.isOpenAt(LocalTime.of(22, 59))).isTrue();
        assertThat(day.isOpenAt(LocalTime.of(23, 0))).isFalse();
        assertThat(OpeningHours.parse("00:00-24:00").isOpenAt(LocalTime.of(23, 59))).isTrue();
    }

    @Test
    void badHoursAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> OpeningHours.parse("6-23")).hasMessageContaining("must look like 06:00-23:00");
        assertThatThrownBy(() -> OpeningHours.parse("25:00-26:00")).hasMessage("25:00 is not a time of day (00:00 to 24:00)");
        assertThatThrownBy(() -> OpeningHours.parse("08:00-08:00")).hasMessageContaining("use 00:00-24:00");
        assertThatThrownBy(() -> OpeningHours.parse("24:00-06:00")).hasMessageContaining("use 00:00");
    }
}
