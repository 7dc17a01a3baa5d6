package io.memberhub.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/** Units of work spread over client threads, each taking the next unit number until all are done. */
final class Load {

    interface Work {
        void run(int i) throws Exception;
    }

    private Load() {
    }

    /** Runs units {@code 0..count-1} over {@code concurrency} threads; units per second. */
    static double run(int count, int concurrency, Work work) throws Exception {
        long start = System.nanoTime();
        spread(i -> i < count, concurrency, work);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs units {@code 0, 1, ...} over {@code concurrency} threads for as long as {@code going} says so
     * (asked before each unit): for load beside something else that runs for a while.
     */
    static Rate runWhile(BooleanSupplier going, int concurrency, Work work) throws Exception {
        long start = System.nanoTime();
        int done = spread(i -> going.getAsBoolean(), concurrency, work);
        return new Rate(done, (System.nanoTime() - start) / 1e9);
    }

    /** Units done in a time. */
    record Rate(int units, double seconds) {
        double perSecond() {
            return units / seconds;
        }
    }

    /** Each thread takes the next unit number while {@code more} accepts it; the number of units done. */
    private static int spread(IntPredicate more, int concurrency, Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); more.test(i); i = next.getAndIncrement()) {
                        work.run(i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return done.get();
    }

    /** One keep-alive connection per client thread, all closed together. */
    static final class Connections implements AutoCloseable {

        private final List<KeepAliveConnection> opened = new CopyOnWriteArrayList<>();
        private final ThreadLocal<KeepAliveConnection> mine;

        Connections(URI api) {
            mine = ThreadLocal.withInitial(() -> {
                KeepAliveConnection connection = new KeepAliveConnection(api.getHost(), api.getPort());
                opened.add(connection);
                return connection;
            });
        }

        KeepAliveConnection mine() {
            return mine.get();
        }

        @Override
        public void close() {
            opened.forEach(KeepAliveConnection::close);
        }
    }
}
