package io.memberhub.platform.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records written while it is open, through a handler on the root logger of the JBoss
 * LogManager (the one Quarkus logs through), each with the MDC it was written with.
 */
final class CapturedLogs implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                // The MDC is the writing thread's: take it now, while this is still that thread.
                ext.copyAll();
                records.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLogs() {
        Logger.getLogger("").addHandler(handler);
    }

    /** The records whose formatted message contains {@code text}. */
    List<ExtLogRecord> containing(String text) {
        return records.stream().filter(r -> r.getFormattedMessage() != null && r.getFormattedMessage().contains(text)).toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
