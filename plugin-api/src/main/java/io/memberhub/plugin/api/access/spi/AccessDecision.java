package io.memberhub.plugin.api.access.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Objects;

/**
 * A policy's answer.
 *
 * @param reason why, shown to staff and on the gate's display (e.g. {@code level Gold or above only}); may be null for ALLOW
 */
@InterfaceStability.Evolving
public record AccessDecision(Verdict verdict, String reason) {

    /** May the member pass. */
    public enum Verdict {
        ALLOW, DENY
    }

    public AccessDecision {
        Objects.requireNonNull(verdict, "verdict");
    }

    public static AccessDecision allow() {
        return new AccessDecision(Verdict.ALLOW, null);
    }

    public static AccessDecision deny(String reason) {
        return new AccessDecision(Verdict.DENY, reason);
    }
}
