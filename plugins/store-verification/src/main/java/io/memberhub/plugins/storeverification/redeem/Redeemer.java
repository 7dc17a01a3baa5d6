package io.memberhub.plugins.storeverification.redeem;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.coupon.CounterRedemption;
import io.memberhub.plugin.api.level.MemberLevel;
import io.memberhub.plugin.api.membercode.VerifiedCode;
import io.memberhub.plugins.storeverification.Ids;
import io.memberhub.plugins.storeverification.benefit.BenefitRoutes;
import io.memberhub.plugins.storeverification.benefit.CounterBenefit;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Redeems a coupon or a counter benefit once per event id, online or uploaded after the scanner was
 * offline. A coupon is redeemed by the platform (once, whoever asks; the event id is the key, so a retry
 * is answered again); a benefit once per member and period by the log's unique index. The log is
 * written after the coupon's redemption: a call cut short in between is retried whole and the
 * platform answers the retry as the first.
 */
public final class Redeemer {

    /** What a redemption came to. */
    public sealed interface Outcome permits Done, Refused {
    }

    /** Redeemed now, or earlier under the same event id ({@code replayed}). */
    public record Done(Redemption redemption, boolean replayed) implements Outcome {
    }

    /** The member a code or an id names, and their level now (null while none applies). */
    public record Member(UUID id, String level) {
    }

    private Redeemer() {
    }

    /** The member of a scanned code, checked now; refused when it is forged, another merchant's or expired. */
    public static Member byCode(PluginContext context, String code) {
        try {
            VerifiedCode verified = context.memberCodes().verify(code);
            return new Member(verified.memberId(), verified.level());
        } catch (PlatformServiceException e) {
            if ("MEMBER_CODE_EXPIRED".equals(e.code())) {
                throw new Refused(422, e.code(), "The member code has expired: ask the member to refresh it in the app", null);
            }
            throw new Refused(422, "MEMBER_CODE_INVALID", "This is not a member code of this merchant", null);
        }
    }

    /** A live member by id (staff looked them up), with their level. */
    public static Member byId(PluginContext context, UUID memberId) {
        MemberLevel standing = context.levels().of(memberId)
                .orElseThrow(() -> new Refused(404, "MEMBER_NOT_FOUND", "No member " + memberId, null));
        return new Member(memberId, standing.level() == null ? null : standing.level().name());
    }

    /** The answer logged for this event id already, if it was: the same again, or a refusal when it asked for something else. */
    public static Optional<Outcome> earlier(PluginContext context, String eventId, String kind, String item, String storeId, UUID memberId) {
        return RedemptionLog.find(context, eventId).map(logged -> replay(logged, kind, item, storeId, memberId));
    }

    /**
     * Redeems what {@code asked} names ({@code label} and {@code periodKey} are filled in here). {@code level}:
     * the member's level to check a benefit's levels against, unless {@code checkLevel} is false (an offline
     * scanner decided by its signed cache).
     */
    public static Outcome redeem(PluginContext context, Redemption asked, String level, boolean checkLevel) {
        return asked.kind().equals(Redemption.COUPON) ? coupon(context, asked) : benefit(context, asked, level, checkLevel);
    }

    private static Outcome coupon(PluginContext context, Redemption asked) {
        UUID couponId = UUID.fromString(asked.item());
        CounterRedemption done;
        try {
            done = context.coupons().redeem(asked.memberId(), couponId, "sv:" + asked.eventId(), asked.storeId(),
                    Ids.actor(asked.staffId(), asked.deviceId()));
        } catch (PlatformServiceException e) {
            String first = RedemptionLog.ofCoupon(context, couponId).map(Redemption::eventId).orElse(null);
            return switch (e.code()) {
                case "COUPON_ALREADY_REDEEMED", "IDEMPOTENCY_KEY_REUSED" -> new Refused(409, e.code(), e.getMessage(), first);
                case "COUPON_EXPIRED" -> new Refused(422, e.code(), e.getMessage(), null);
                case "COUPON_NOT_FOUND", "MEMBER_NOT_FOUND" -> new Refused(404, e.code(), e.getMessage(), null);
                default -> throw e;
            };
        }
        Redemption logged = new Redemption(asked.eventId(), asked.kind(), asked.memberId(), asked.item(), done.name() + " (" + done.code() + ")",
                asked.storeId(), asked.staffId(), asked.deviceId(), asked.at(), asked.offline(), null);
        return log(context, logged);
    }

    private static Outcome benefit(PluginContext context, Redemption asked, String level, boolean checkLevel) {
        Optional<CounterBenefit> found = BenefitRoutes.find(context, asked.item());
        if (found.isEmpty()) {
            return new Refused(404, "BENEFIT_NOT_FOUND", "No counter benefit '" + asked.item() + "'", null);
        }
        CounterBenefit benefit = found.get();
        if (!checkLevel) {
            // Offline the scanner went by its cache: the member must still be one.
            try {
                byId(context, asked.memberId());
            } catch (Refused gone) {
                return gone;
            }
        }
        if (checkLevel && !benefit.admits(level)) {
            return new Refused(422, "BENEFIT_NOT_FOR_LEVEL", benefit.title() + " is for " + String.join(", ", benefit.levels())
                    + "; the member is " + (level == null ? "at no level" : level), null);
        }
        String period = benefit.period().key(asked.at(), ZoneId.of(context.merchant().timeZone()));
        Redemption logged = new Redemption(asked.eventId(), asked.kind(), asked.memberId(), asked.item(), benefit.title(), asked.storeId(),
                asked.staffId(), asked.deviceId(), asked.at(), asked.offline(), period);
        if (RedemptionLog.add(context, logged)) {
            return new Done(logged, false);
        }
        Optional<Redemption> same = RedemptionLog.find(context, asked.eventId());
        if (same.isPresent()) {
            return replay(same.get(), asked.kind(), asked.item(), asked.storeId(), asked.memberId());
        }
        Redemption first = RedemptionLog.benefitUse(context, asked.memberId(), asked.item(), period).orElseThrow();
        return new Refused(409, "BENEFIT_ALREADY_USED", benefit.title() + " was used " + benefit.period().words() + " (" + period + ") at store "
                + first.storeId() + " at " + first.at() + "; it is once per " + benefit.period().name().toLowerCase(), first.eventId());
    }

    private static Outcome log(PluginContext context, Redemption logged) {
        if (RedemptionLog.add(context, logged)) {
            return new Done(logged, false);
        }
        // A concurrent retry of the same event logged it first: both answer what was logged.
        Redemption first = RedemptionLog.find(context, logged.eventId()).orElseThrow();
        return replay(first, logged.kind(), logged.item(), logged.storeId(), logged.memberId());
    }

    private static Outcome replay(Redemption logged, String kind, String item, String storeId, UUID memberId) {
        if (!logged.sameAs(kind, item, storeId) || (memberId != null && !logged.memberId().equals(memberId))) {
            return new Refused(409, "IDEMPOTENCY_KEY_REUSED", "Event " + logged.eventId() + " redeemed " + logged.label()
                    + " before; every redemption needs an event id of its own", logged.eventId());
        }
        return new Done(logged, true);
    }
}
