package io.memberhub.gateclient;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The decision a gate makes alone, from its last verified allow-list and the merchant's keys: the
 * same reason codes the platform gives online, so the gate's display does not care which decided.
 */
public final class OfflineGate {

    /** How far a member's phone clock and ours may disagree about a code's expiry. */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final AllowList list;
    private final Keys keys;

    public OfflineGate(AllowList list, Keys keys) {
        this.list = list;
        this.keys = keys;
    }

    /** @param credential a member code, or {@code card:<id>} for a card the reader read */
    public GateAnswer decide(String credential, Instant now) {
        if (!now.isBefore(list.validUntil())) {
            return GateAnswer.deny("ALLOW_LIST_EXPIRED", "The gate's allow-list ran out at " + list.validUntil() + "; it must reach the platform",
                    null, null);
        }
        Optional<AllowList.Entry> entry;
        if (credential.startsWith("card:")) {
            entry = list.card(credential.substring(5));
            if (entry.isEmpty()) {
                return GateAnswer.deny("CARD_UNKNOWN", "This card may not enter the " + list.zone(), null, null);
            }
        } else {
            MemberCode code;
            try {
                code = MemberCode.verified(credential, keys);
            } catch (IllegalArgumentException e) {
                return GateAnswer.deny("MEMBER_CODE_INVALID", "This is not a member code of this merchant", null, null);
            }
            if (!code.tenantId().equals(list.tenantId())) {
                return GateAnswer.deny("MEMBER_CODE_INVALID", "This is not a member code of this merchant", null, null);
            }
            if (!now.isBefore(code.expiresAt().plus(SKEW))) {
                return GateAnswer.deny("MEMBER_CODE_EXPIRED", "The member code has expired: refresh it in the app", code.memberId(), code.level());
            }
            entry = list.member(code.memberId());
            if (entry.isEmpty()) {
                return GateAnswer.deny("LEVEL_NOT_ALLOWED", "The " + list.zone() + " is not open to this member's level", code.memberId(),
                        code.level());
            }
        }
        AllowList.Entry member = entry.get();
        if (member.validUntil() != null && !now.isBefore(member.validUntil())) {
            return GateAnswer.deny("CARD_EXPIRED", "The member's " + member.level() + " ran out on " + member.validUntil(), member.memberId(),
                    member.level());
        }
        return GateAnswer.allow(member.memberId(), member.level());
    }
}
