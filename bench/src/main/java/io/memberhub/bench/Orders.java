package io.memberhub.bench;

import java.time.Instant;

/** Orders through the HTTP API, as a shop's system sends them: one POST per order with its Idempotency-Key. */
final class Orders {

    private Orders() {
    }

    /** Posts one order and fails unless the platform answers 201. */
    static void post(KeepAliveConnection connection, String token, String memberId, String externalId, long amount, Instant paidAt)
            throws Exception {
        int status = connection.post("/api/v1/orders", token, externalId, "{\"memberId\":\"" + memberId + "\",\"externalId\":\"" + externalId
                + "\",\"amount\":" + amount + ",\"channel\":\"pos\",\"paidAt\":\"" + paidAt + "\"}");
        if (status != 201) {
            throw new IllegalStateException("POST /api/v1/orders answered " + status + " for order " + externalId);
        }
    }
}
