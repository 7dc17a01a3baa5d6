package io.memberhub.platform.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * The arm a member lands in: its bucket is the first 8 bytes of SHA-256 over
 * {@code "<experimentId>:<memberId>"} (lower-case UUIDs), as an unsigned number, modulo 100; the
 * arms, in the order of their names, take consecutive bucket ranges as wide as their weights. A
 * pure function of the two ids, so every instance, before and after a restart, puts a member in the
 * same arm, and a new experiment shuffles members afresh.
 */
final class ExperimentArms {

    private ExperimentArms() {
    }

    static int bucket(UUID experimentId, UUID memberId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((experimentId + ":" + memberId).getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, 8).getLong(), 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    static ExperimentRequest.Arm arm(List<ExperimentRequest.Arm> arms, UUID experimentId, UUID memberId) {
        int bucket = bucket(experimentId, memberId);
        int upTo = 0;
        for (ExperimentRequest.Arm arm : arms) {
            upTo += arm.weight();
            if (bucket < upTo) {
                return arm;
            }
        }
        throw new IllegalStateException("The arms' weights of experiment " + experimentId + " do not add up to 100");
    }
}
