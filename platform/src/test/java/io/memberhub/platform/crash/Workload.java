package io.memberhub.platform.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sustained load of money-moving writes from several client threads. Each thread owns some
 * members and goes round them, writing for each in turn a paid order (earning points), a points
 * redemption, a stored-value top-up and payment, and a coupon issued then redeemed, each retried
 * until it succeeds. What was acknowledged is written down per member ({@link Member}), so that
 * the books can be checked against it afterwards.
 */
final class Workload {

    /** Points an order of {@code amount} fen earns at the merchant's rate (1 point per yuan). */
    static long pointsFor(long amount) {
        return amount / 100;
    }

    static final long REDEEMED_POINTS = 50;
    static final long TOP_UP = 20_000;
    static final long PAYMENT = 5_000;

    /** Everything acknowledged for one member, in the order it was asked for. */
    static final class Member {
        final String id;
        /** Order number → points the platform said it earned. */
        final Map<String, Long> orders = new LinkedHashMap<>();
        final List<String> redemptions = new ArrayList<>();
        final List<String> topUps = new ArrayList<>();
        final List<String> payments = new ArrayList<>();
        /** Coupon code → the order it was redeemed on (null until it is). */
        final Map<String, String> coupons = new LinkedHashMap<>();
        long points;
        long wallet;

        Member(String id) {
            this.id = id;
        }
    }

    private final MerchantSystem client;
    private final String prefix;
    private final String couponTemplate;
    private final List<List<Member>> byThread;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile Throwable failure;

    private Workload(MerchantSystem client, String prefix, String couponTemplate, List<List<Member>> byThread) {
        this.client = client;
        this.prefix = prefix;
        this.couponTemplate = couponTemplate;
        this.byThread = byThread;
        this.threads = Executors.newFixedThreadPool(byThread.size());
    }

    /** Starts one thread per list of members; {@code prefix} makes its keys and order numbers its own. */
    static Workload start(MerchantSystem client, String prefix, String couponTemplate, List<List<Member>> byThread) {
        Workload load = new Workload(client, prefix, couponTemplate, byThread);
        for (int t = 0; t < byThread.size(); t++) {
            int thread = t;
            load.running.add(load.threads.submit(() -> {
                try {
                    load.run(thread);
                } catch (Throwable e) {
                    load.failure = e;
                    throw e;
                }
                return null;
            }));
        }
        return load;
    }

    MerchantSystem client() {
        return client;
    }

    /** Writes acknowledged so far; fails at once if a client thread failed (a 4xx from the platform). */
    int acknowledged() {
        if (failure != null) {
            throw new AssertionError("A client failed: " + failure.getMessage(), failure);
        }
        return acknowledged.get();
    }

    /** Lets every thread finish the write it is on (retrying until it succeeds), then answers the members. */
    List<Member> finish() throws InterruptedException {
        stopping.set(true);
        try {
            for (Future<?> thread : running) {
                thread.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError("A client failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return byThread.stream().flatMap(List::stream).toList();
    }

    private void run(int thread) throws Exception {
        List<Member> members = byThread.get(thread);
        for (int round = 0; !stopping.get(); round++) {
            Member m = members.get(round % members.size());
            String op = prefix + "-" + thread + "-" + round;
            Instant paidAt = Instant.now().minusSeconds(1);

            long amount = 10_000 + (round % 5) * 5_000;
            var order = client.write("/api/v1/orders", op + "-order", Map.of("memberId", m.id, "externalId", op + "-order",
                    "amount", amount, "channel", "pos", "paidAt", paidAt.toString()));
            long earned = order.body().get("pointsEarned").asLong();
            m.orders.put(op + "-order", earned);
            m.points += earned;
            acknowledged.incrementAndGet();

            client.write("/api/v1/points/redemptions", op + "-redeem", Map.of("memberId", m.id, "externalId", op + "-redeem",
                    "points", REDEEMED_POINTS, "orderAmount", 10_000));
            m.redemptions.add(op + "-redeem");
            m.points -= REDEEMED_POINTS;
            acknowledged.incrementAndGet();

            var topUp = client.write("/api/v1/top-ups", op + "-top-up", Map.of("memberId", m.id, "externalId", op + "-top-up",
                    "amount", TOP_UP, "channel", "pos", "paidAt", paidAt.toString()));
            m.topUps.add(op + "-top-up");
            m.wallet += TOP_UP + topUp.body().get("bonus").asLong();
            acknowledged.incrementAndGet();

            client.write("/api/v1/wallet-payments", op + "-pay", Map.of("memberId", m.id, "externalId", op + "-pay", "amount", PAYMENT));
            m.payments.add(op + "-pay");
            m.wallet -= PAYMENT;
            acknowledged.incrementAndGet();

            String code = client.write("/api/v1/coupons", op + "-coupon", Map.of("templateId", couponTemplate, "memberId", m.id))
                    .body().get("code").asText();
            m.coupons.put(code, null);
            acknowledged.incrementAndGet();

            client.write("/api/v1/coupons/" + code + "/redemptions", op + "-use", Map.of("memberId", m.id, "externalId", op + "-use",
                    "orderAmount", 10_000));
            m.coupons.put(code, op + "-use");
            acknowledged.incrementAndGet();
        }
    }
}
