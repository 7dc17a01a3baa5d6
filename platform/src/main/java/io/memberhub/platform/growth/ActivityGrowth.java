package io.memberhub.platform.growth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.activity.ActivitiesStored;
import io.memberhub.platform.activity.ActivitySource;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.growth.GrowthLedger.Source;
import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.member.MemberLocks;
import io.memberhub.platform.points.PointsSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Growth from activity, written in the transaction that stores the activity. Each activity of a type
 * with a rule earns the rule's growth unless the member already earned it {@code dailyLimit} times on
 * that day (the day it happened, in the merchant's time zone). The members are locked first, in one
 * order, so two batches for the same member cannot both pass a limit.
 */
@ApplicationScoped
class ActivityGrowth {

    @Inject
    GrowthSettingsService settings;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    GrowthLedger ledger;

    @Inject
    MemberLocks memberLocks;

    @Inject
    MemberLevels levels;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** One activity that may earn, with its rule and day. */
    private record Earning(ActivitiesStored.Stored activity, GrowthSettings.ActivityRule rule, LocalDate day) {
        String key() {
            return activity.memberId() + "|" + activity.type() + "|" + day;
        }
    }

    void onStored(@Observes ActivitiesStored stored) {
        GrowthSettings rules = settings.get(stored);
        if (rules.activities().isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(pointsSettings.get(stored).timeZone());
        List<Earning> earnings = new ArrayList<>();
        for (ActivitiesStored.Stored activity : stored.activities()) {
            Optional<GrowthSettings.ActivityRule> rule = rules.rule(activity.type());
            if (rule.isPresent() && (stored.source() != ActivitySource.MEMBER || rule.get().memberReported())) {
                earnings.add(new Earning(activity, rule.get(), activity.occurredAt().atZone(zone).toLocalDate()));
            }
        }
        if (earnings.isEmpty()) {
            return;
        }
        Set<UUID> members = new TreeSet<>();
        earnings.forEach(e -> members.add(e.activity().memberId()));
        members.forEach(m -> memberLocks.lockLive(stored, m));
        Map<String, Long> earnedBefore = earnedPerDay(stored, members, earnings);
        earnings.sort(Comparator.comparing((Earning e) -> e.activity().occurredAt()).thenComparing(e -> e.activity().id()));
        Set<UUID> grew = new TreeSet<>();
        for (Earning e : earnings) {
            long times = earnedBefore.getOrDefault(e.key(), 0L);
            if (e.rule().dailyLimit() != null && times >= e.rule().dailyLimit()) {
                continue;
            }
            var source = new Source(GrowthLedger.ACTIVITY, "activity", e.activity().id().toString(), e.activity().type(), e.day());
            if (ledger.earn(stored, e.activity().memberId(), e.rule().growth(), source, null).isPresent()) {
                earnedBefore.put(e.key(), times + 1);
                grew.add(e.activity().memberId());
            }
        }
        grew.forEach(m -> levels.applyFacts(stored, m, "growth from activity"));
    }

    /** How many times each member earned from each type on each day the batch touches, by {@link Earning#key()}. */
    private Map<String, Long> earnedPerDay(ActivitiesStored stored, Set<UUID> members, List<Earning> earnings) {
        LocalDate first = earnings.stream().map(Earning::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = earnings.stream().map(Earning::day).max(Comparator.naturalOrder()).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select member_id, activity_type, earned_on, count(*) from growth_entry
                        where tenant_id = ?1 and reason = 'ACTIVITY' and earned_on between cast(?2 as date) and cast(?3 as date)
                          and member_id = any(array(select cast(x as uuid) from jsonb_array_elements_text(cast(?4 as jsonb)) x))
                        group by member_id, activity_type, earned_on""")
                .setParameter(1, stored.tenantId().toString())
                .setParameter(2, first.toString())
                .setParameter(3, last.toString())
                .setParameter(4, toJson(members.stream().map(UUID::toString).toList()))
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r[0] + "|" + r[1] + "|" + SqlValues.date(r[2]), ((Number) r[3]).longValue()));
        return counts;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
