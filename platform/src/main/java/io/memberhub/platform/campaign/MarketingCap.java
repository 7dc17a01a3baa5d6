package io.memberhub.platform.campaign;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Whether marketing may reach a member now: the frequency cap counts every campaign send and every
 * journey step that reached the member within the period, so campaigns and journeys together stay
 * under it; opted-out members get no marketing messages from either.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MarketingCap {

    @Inject
    EntityManager em;

    @Inject
    Campaigns campaigns;

    /** SENT, SKIPPED_CAP or SKIPPED_OPTED_OUT. */
    public String outcome(TenantBound tenant, UUID memberId, boolean messages, MarketingSettings settings) {
        long recent = ((Number) em.createNativeQuery("select (select count(*) from campaign_send where member_id = ?1 and outcome = 'SENT' "
                        + "and created_at > now() - make_interval(days => ?2)) + (select count(*) from journey_step_run where member_id = ?1 "
                        + "and outcome = 'REACHED' and created_at > now() - make_interval(days => ?2))")
                .setParameter(1, memberId).setParameter(2, settings.perDays()).getSingleResult()).longValue();
        if (recent >= settings.maxSends()) {
            return "SKIPPED_CAP";
        }
        if (messages && campaigns.optedOut(tenant, memberId)) {
            return "SKIPPED_OPTED_OUT";
        }
        return "SENT";
    }
}
