package io.memberhub.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A consumer may skip an event by a read only when that read began after the event was recorded. */
class ReadAsOfTest {

    private static final Instant READ_AT = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aReadAnswersOnlyForEventsRecordedBeforeIt() {
        ReadAsOf<Set<String>> subscribed = new ReadAsOf<>();
        UUID merchant = UUID.randomUUID();
        subscribed.remember(merchant, new ReadAsOf.Read<>(Set.of(), READ_AT));

        assertThat(subscribed.after(merchant, READ_AT.minusMillis(1))).contains(Set.of());
        // An event recorded at or after the read may follow a subscription the read could not see.
        assertThat(subscribed.after(merchant, READ_AT)).isEmpty();
        assertThat(subscribed.after(merchant, READ_AT.plusMillis(1))).isEmpty();
        assertThat(subscribed.after(UUID.randomUUID(), READ_AT.minusMillis(1))).isEmpty();
    }

    @Test
    void anOlderReadNeverReplacesANewerOne() {
        ReadAsOf<Boolean> listening = new ReadAsOf<>();
        UUID merchant = UUID.randomUUID();
        listening.remember(merchant, new ReadAsOf.Read<>(true, READ_AT));
        // A consumer thread that read earlier and finished later must not bring back the older answer.
        listening.remember(merchant, new ReadAsOf.Read<>(false, READ_AT.minusSeconds(1)));

        assertThat(listening.after(merchant, READ_AT.minusSeconds(2))).contains(true);
    }
}
