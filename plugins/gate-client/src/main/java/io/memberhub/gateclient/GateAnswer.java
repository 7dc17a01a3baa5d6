package io.memberhub.gateclient;

import java.util.UUID;

/** What the gate shows: pass or not, the reason code, words for the display, and whether the platform decided. */
public record GateAnswer(boolean allowed, String reason, String message, UUID memberId, String level, boolean online, boolean replayed) {

    static GateAnswer allow(UUID memberId, String level) {
        return new GateAnswer(true, "ALLOWED", level == null ? "Welcome" : "Welcome, " + level + " member", memberId, level, false, false);
    }

    static GateAnswer deny(String reason, String message, UUID memberId, String level) {
        return new GateAnswer(false, reason, message, memberId, level, false, false);
    }

    public String verdict() {
        return allowed ? "ALLOW" : "DENY";
    }
}
