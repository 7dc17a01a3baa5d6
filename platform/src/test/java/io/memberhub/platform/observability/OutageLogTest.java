package io.memberhub.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * During an outage of Keycloak every sign-in failed with its own ERROR stack trace. Now the operator
 * sees one per minute, with how many failures it stands for, and nothing is lost from the count.
 */
class OutageLogTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<LogRecord> written = new CopyOnWriteArrayList<>();

    @Test
    void anOutageIsLoggedOncePerPeriodWithTheFailuresInBetweenCounted() {
        String category = "outage-log-test-" + System.nanoTime();
        java.util.logging.Logger.getLogger(category).addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                written.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        OutageLog outages = new OutageLog(Logger.getLogger(category), "Keycloak", Duration.ofMinutes(1), nanos::get);

        outages.failed("be reached for a sign-in", new ConnectException("Connection refused"));
        for (int i = 0; i < 40; i++) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            outages.failed("be reached for a sign-in", new ConnectException("Connection refused"));
        }
        assertThat(written).as("the first failure only, within the minute").hasSize(1);
        assertThat(message(written.getFirst())).isEqualTo("Keycloak could not be reached for a sign-in");
        assertThat(written.getFirst().getThrown()).isInstanceOf(ConnectException.class);

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        outages.failed("create the user", new IOException("timed out"));
        assertThat(written).hasSize(2);
        assertThat(message(written.get(1))).isEqualTo("Keycloak could not create the user (and 40 more failure(s) since the last one logged)");
        assertThat(written.get(1).getThrown()).hasMessage("timed out");
    }

    private static String message(LogRecord record) {
        return record.getParameters() == null ? record.getMessage() : String.format(record.getMessage(), record.getParameters());
    }
}
