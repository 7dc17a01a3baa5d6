package io.memberhub.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Units of work spread over client threads, each taking the next unit number until all are done. */
final class Load {

    interface Work {
        void run(int i) throws Exception;
    }

    private Load() {
    }

    /** Runs units {@code 0..count-1} over {@code concurrency} threads; units per second. */
    static double run(int count, int concurrency, Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return count / ((System.nanoTime() - start) / 1e9);
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
