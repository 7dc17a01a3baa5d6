package io.memberhub.plugins.education;

import io.memberhub.plugin.api.PlatformServiceException;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.event.spi.EventListener;
import io.memberhub.plugin.api.event.spi.PlatformEvent;
import io.memberhub.plugin.api.member.MemberProfile;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * Rewards whoever brought a member in, once: when a referred member's paid order is recorded (every
 * recorded order is paid), the referrer is granted the merchant's referral points. The idempotency
 * key is the referred member, not the event, so the reward is paid once per referred member however
 * often events arrive: an order event delivered again, a replay, a second order. The platform
 * refuses self-referrals and referral loops, so there is no chain to guard here.
 */
@Extension
public class ReferralReward implements EventListener {

    static final String REASON = "REFERRAL_REWARD";
    /** Already paid: with the same points ({@code replayed}) or, after the merchant changed them, with other points. */
    private static final Set<String> PAID_OR_GONE = Set.of("IDEMPOTENCY_KEY_REUSED", "MEMBER_NOT_FOUND");

    @Override
    public void onEvent(PlatformEvent event, PluginContext context) {
        if (!"OrderRecorded".equals(event.type()) || !"member".equals(event.aggregateType())) {
            return;
        }
        UUID referrer = context.members().find(UUID.fromString(event.aggregateId())).map(MemberProfile::referredBy).orElse(null);
        long points = ReferralPoints.of(context);
        if (referrer == null || points == 0) {
            return;
        }
        try {
            context.points().grant(referrer, points, REASON, "referral:" + event.aggregateId());
        } catch (PlatformServiceException e) {
            // A referrer deleted since is owed nothing; anything else is a failure the merchant should see.
            if (!PAID_OR_GONE.contains(e.code())) {
                throw e;
            }
        }
    }
}
