package io.memberhub.plugins.gateapi.check;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugin.api.membercode.VerifiedCode;
import io.memberhub.plugins.gateapi.card.CardStore;
import io.memberhub.plugins.gateapi.gate.Gate;
import io.memberhub.plugins.gateapi.zone.Zone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One gate check online: who the credential names, whether the zone admits the member's level (and a
 * paid card that ran out), what the merchant's other access policies say, then the visit for an
 * ALLOW. The first refusal found is the reason given.
 */
public final class GateCheck {

    private GateCheck() {
    }

    /** What a gate presented: a member code from the app, or a card. */
    public record Credential(String code, String cardId) {

        /** How the log keeps it: the card id, or a short digest of the code (a code is a minute's bearer token). */
        public String logged() {
            return cardId != null ? "card:" + cardId : "code:" + digest(code);
        }
    }

    public static Decision decide(PluginContext context, Gate gate, Zone zone, String eventId, Credential credential, Instant at) {
        String logged = credential.logged();
        UUID memberId;
        String level;
        if (credential.code() != null) {
            try {
                VerifiedCode verified = context.memberCodes().verify(credential.code());
                memberId = verified.memberId();
                level = verified.level();
            } catch (PlatformServiceException e) {
                String reason = Decision.MEMBER_CODE_EXPIRED.equals(e.code()) ? Decision.MEMBER_CODE_EXPIRED : Decision.MEMBER_CODE_INVALID;
                return deny(gate, eventId, logged, null, null, reason, reason.equals(Decision.MEMBER_CODE_EXPIRED)
                        ? "The member code has expired: refresh it in the app" : "This is not a member code of this merchant", at);
            }
        } else {
            Optional<UUID> holder = CardStore.member(context, credential.cardId());
            if (holder.isEmpty()) {
                return deny(gate, eventId, logged, null, null, Decision.CARD_UNKNOWN, "Card " + credential.cardId() + " is not a member's card", at);
            }
            memberId = holder.get();
            Optional<MemberLevel> standing = context.levels().of(memberId);
            if (standing.isEmpty()) {
                return deny(gate, eventId, logged, memberId, null, Decision.MEMBER_NOT_FOUND, "The card's member is no longer a member", at);
            }
            level = standing.get().level() == null ? null : standing.get().level().name();
        }
        if (!zone.admits(level)) {
            return levelRefused(context, gate, zone, eventId, logged, memberId, level, at);
        }
        AccessDecision policies;
        try {
            policies = context.access().decide(memberId, zone.name(), gate.deviceId(), zone.failClosed());
        } catch (PlatformServiceException e) {
            if (Decision.MEMBER_NOT_FOUND.equals(e.code())) {
                return deny(gate, eventId, logged, memberId, level, Decision.MEMBER_NOT_FOUND, "No such member", at);
            }
            throw e;
        }
        if (policies.verdict() == AccessDecision.Verdict.DENY) {
            return deny(gate, eventId, logged, memberId, level, Decision.POLICY_DENIED, policies.reason(), at);
        }
        context.visits().record(memberId, visitId(gate.deviceId(), eventId), zone.name(), at);
        return new Decision(eventId, gate.gateId(), zone.name(), logged, memberId, level, true, Decision.ALLOWED,
                level == null ? "Welcome" : "Welcome, " + level + " member", at, false);
    }

    /** A card that ran out tells the member so, rather than "level too low". */
    private static Decision levelRefused(PluginContext context, Gate gate, Zone zone, String eventId, String logged, UUID memberId,
                                         String level, Instant at) {
        Optional<MemberLevel> standing = context.levels().of(memberId);
        if (standing.isPresent() && standing.get().paidLevel() != null && standing.get().paidUntil() != null
                && !standing.get().paidUntil().isAfter(at) && zone.admits(standing.get().paidLevel().name())) {
            return deny(gate, eventId, logged, memberId, level, Decision.CARD_EXPIRED, "The member's " + standing.get().paidLevel().name()
                    + " ran out on " + standing.get().paidUntil(), at);
        }
        return deny(gate, eventId, logged, memberId, level, Decision.LEVEL_NOT_ALLOWED, "The " + zone.name() + " is for "
                + String.join(", ", zone.levels()) + (level == null ? "; the member has no level" : "; the member is " + level), at);
    }

    private static Decision deny(Gate gate, String eventId, String logged, UUID memberId, String level, String reason, String message,
                                 Instant at) {
        return new Decision(eventId, gate.gateId(), gate.zone(), logged, memberId, level, false, reason, message, at, false);
    }

    /**
     * The visit's id: the same for the same device and event, whether the gate reported it online or
     * uploaded it later, and within the 35 characters a visit id may have.
     */
    public static String visitId(UUID deviceId, String eventId) {
        byte[] hash = sha256(deviceId + "/" + eventId);
        return "g-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
    }

    private static String digest(String text) {
        return HexFormat.of().formatHex(sha256(text), 0, 12);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
