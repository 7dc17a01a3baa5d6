package io.memberhub.platform.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * Who a campaign's occasion applies to now, with the occasion's key, leaving out members it already
 * reached (or passed over) on that occasion. One SQL statement per trigger, in the merchant's time
 * zone where the calendar matters.
 */
@ApplicationScoped
class CampaignCandidates {

    record Candidate(UUID memberId, String occasion) {
    }

    @Inject
    EntityManager em;

    List<Candidate> of(Campaign campaign, String timeZone, int limit) {
        String occasions = switch (campaign.trigger()) {
            case WELCOME -> "select m.id as member_id, 'welcome' as occasion from member m where m.tenant_id = :tenant "
                    + "and m.created_at >= (date_trunc('day', now() at time zone :tz) - make_interval(days => :days)) at time zone :tz";
            case BIRTHDAY -> "select m.id as member_id, 'birthday-' || cast(extract(year from t.day) as int) as occasion "
                    + "from member m, (select cast(now() at time zone :tz as date) + :days as day) t "
                    + "where m.tenant_id = :tenant and m.birthday is not null and to_char(m.birthday, 'MM-DD') = to_char(t.day, 'MM-DD')";
            case DORMANT -> "select m.id as member_id, 'dormant-' || coalesce(to_char(l.last at time zone :tz, 'YYYY-MM-DD'), 'never') as occasion "
                    + "from member m left join lateral (select max(o.paid_at) as last from member_order o where o.tenant_id = m.tenant_id "
                    + "and o.member_id = m.id and o.refunded_amount < o.amount) l on true "
                    + "where m.tenant_id = :tenant and m.created_at <= now() - make_interval(days => :days) "
                    + "and coalesce(l.last, m.created_at) <= now() - make_interval(days => :days)";
            case POINTS_EXPIRING -> "select e.member_id, 'points-' || to_char(min(e.expires_at) at time zone :tz, 'YYYY-MM-DD') as occasion "
                    + "from points_entry e left join (select lot_entry_id, sum(points) as taken from points_allocation where tenant_id = :tenant "
                    + "group by lot_entry_id) a on a.lot_entry_id = e.id "
                    + "where e.tenant_id = :tenant and e.delta > 0 and e.expires_at > now() and e.expires_at <= now() + make_interval(days => :days) "
                    + "and e.delta - coalesce(a.taken, 0) > 0 group by e.member_id";
            case LEVEL_UP, LEVEL_DOWN -> "select lc.member_id, 'level-change-' || lc.id as occasion from level_change lc "
                    + "where lc.tenant_id = :tenant and lc.kind = '" + (campaign.trigger() == CampaignTrigger.LEVEL_UP ? "UPGRADE" : "DOWNGRADE")
                    + "' and lc.created_at >= :since" + (campaign.levelId() == null ? "" : " and lc.to_level_id = :level")
                    + "";
            case STAGE_ENTERED -> "select sc.member_id, 'stage-' || sc.id as occasion from lifecycle_stage_change sc "
                    + "join member_lifecycle ml on ml.tenant_id = sc.tenant_id and ml.member_id = sc.member_id and ml.stage = sc.to_stage "
                    + "where sc.tenant_id = :tenant and sc.to_stage = :stage and sc.changed_at >= :since";
            case COUPON_EXPIRING -> "select c.member_id, 'coupon-' || c.id as occasion from coupon c where c.tenant_id = :tenant "
                    + "and c.status = 'ISSUED' and c.expires_at > now() and c.expires_at <= now() + make_interval(days => :days)";
        };
        Query query = em.createNativeQuery("select x.member_id, x.occasion from (" + occasions + ") x "
                        + "join member live on live.tenant_id = :tenant and live.id = x.member_id and live.deleted_at is null "
                        + "where not exists (select 1 from campaign_send s where s.tenant_id = :tenant and s.campaign_id = :campaign "
                        + "and s.member_id = x.member_id and s.occasion = x.occasion) "
                        + "order by x.member_id limit " + limit)
                .setParameter("tenant", campaign.tenantId().toString())
                .setParameter("campaign", campaign.id());
        boolean levels = campaign.trigger() == CampaignTrigger.LEVEL_UP || campaign.trigger() == CampaignTrigger.LEVEL_DOWN;
        if (campaign.trigger() == CampaignTrigger.STAGE_ENTERED) {
            query.setParameter("since", campaign.createdAt()).setParameter("stage", campaign.stage().name());
        } else if (levels) {
            query.setParameter("since", campaign.createdAt());
            if (campaign.levelId() != null) {
                query.setParameter("level", campaign.levelId());
            }
        } else {
            query.setParameter("days", campaign.days());
            if (campaign.trigger() != CampaignTrigger.COUPON_EXPIRING) {
                query.setParameter("tz", timeZone);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Candidate((UUID) r[0], (String) r[1])).toList();
    }
}
