package io.memberhub.platform.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.activity.ActivityBatchResponse.ItemResult;
import io.memberhub.platform.activity.ItemCheck.Candidate;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a batch of activities: each item is checked on its own, the members the batch names are
 * found with one query per kind of name, and every good item is written by one set-based insert
 * that skips keys seen before. A bad item is reported and never fails the good ones.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class ActivityIngestion {

    public static final int MAX_BATCH = 1000;
    /** An app sends what happened since it last sent; a small batch keeps a member's request cheap. */
    public static final int MAX_MEMBER_BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ActivityTypes types;

    @Inject
    ActivitySettingsService settings;

    @Inject
    Event<ActivityRecorded> recorded;

    @Inject
    Event<ActivitiesStored> stored;

    /**
     * @param signedIn the member whose app sent the batch, for {@link ActivitySource#MEMBER}; null otherwise
     */
    public ActivityBatchResponse ingest(TenantBound tenant, ActivitySource source, UUID signedIn, List<JsonNode> items) {
        int max = source == ActivitySource.MEMBER ? MAX_MEMBER_BATCH : MAX_BATCH;
        if (items == null || items.isEmpty() || items.size() > max) {
            throw ProblemException.invalidField("items", "must hold 1 to " + max + " activities");
        }
        Instant now = Instant.now();
        var check = new ItemCheck(json, source, signedIn, types.known(tenant), now,
                now.minus(Duration.ofDays(settings.get(tenant).retentionDays())));
        ItemResult[] results = new ItemResult[items.size()];
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                candidates.add(check.check(i, items.get(i)));
            } catch (ItemCheck.Rejected rejected) {
                results[i] = ItemResult.rejected(i, rejected.code, rejected.getMessage());
            }
        }
        Map<Candidate, UUID> members = source == ActivitySource.MEMBER ? ownMember(candidates, signedIn) : findMembers(tenant, candidates);
        for (Candidate candidate : candidates) {
            if (!members.containsKey(candidate)) {
                results[candidate.index()] = ItemResult.rejected(candidate.index(), "MEMBER_NOT_FOUND", "no member of this merchant is "
                        + (candidate.item().memberId() != null ? candidate.item().memberId() : candidate.item().phone()));
            }
        }
        store(tenant, source, members, results);
        return ActivityBatchResponse.of(Arrays.asList(results));
    }

    private static Map<Candidate, UUID> ownMember(List<Candidate> candidates, UUID signedIn) {
        Map<Candidate, UUID> members = new LinkedHashMap<>();
        candidates.forEach(c -> members.put(c, signedIn));
        return members;
    }

    /** The live member each candidate names, found by id and by phone in one query each; candidates naming nobody are left out. */
    private Map<Candidate, UUID> findMembers(TenantBound tenant, List<Candidate> candidates) {
        // "id = any(array(...))", not "id in (select ...)": with row-level security on member the planner turned the
        // semi-join into a scan of every member (250 ms at 1 000 000 members), and each order's purchase passes here.
        Set<UUID> live = new HashSet<>(select(tenant, "select id from member where tenant_id = ?1 and deleted_at is null "
                + "and id = any(array(select cast(x as uuid) from jsonb_array_elements_text(cast(?2 as jsonb)) x))",
                candidates.stream().filter(c -> c.item().memberId() != null).map(c -> c.item().memberId().toString()).distinct().toList()));
        Map<String, UUID> byPhone = new HashMap<>();
        List<String> phones = candidates.stream().filter(c -> c.item().phone() != null).map(c -> c.item().phone().strip()).distinct().toList();
        if (!phones.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select phone, id from member where tenant_id = ?1 and deleted_at is null "
                            + "and phone = any(array(select jsonb_array_elements_text(cast(?2 as jsonb))))")
                    .setParameter(1, tenant.tenantId().toString()).setParameter(2, toJson(phones)).getResultList();
            rows.forEach(r -> byPhone.put((String) r[0], (UUID) r[1]));
        }
        Map<Candidate, UUID> members = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            UUID member = c.item().memberId() != null ? (live.contains(c.item().memberId()) ? c.item().memberId() : null)
                    : byPhone.get(c.item().phone().strip());
            if (member != null) {
                members.put(c, member);
            }
        }
        return members;
    }

    private List<UUID> select(TenantBound tenant, String sql, List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(sql).setParameter(1, tenant.tenantId().toString()).setParameter(2, toJson(values)).getResultList();
        return ids;
    }

    /** One insert for the whole batch; a key seen before (in an earlier batch or earlier in this one) inserts nothing: a duplicate. */
    private void store(TenantBound tenant, ActivitySource source, Map<Candidate, UUID> members, ItemResult[] results) {
        if (members.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<UUID, Candidate> byId = new HashMap<>();
        members.forEach((candidate, member) -> {
            UUID id = UUID.randomUUID();
            byId.put(id, candidate);
            ActivityItem item = candidate.item();
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("member_id", member);
            row.put("type", item.type());
            row.put("occurred_at", item.occurredAt().toString());
            row.put("subject", item.subject());
            row.put("attributes", item.attributes() == null || item.attributes().isNull() ? null : item.attributes());
            row.put("idempotency_key", candidate.key());
            rows.add(row);
        });
        @SuppressWarnings("unchecked")
        List<UUID> inserted = em.createNativeQuery("""
                        insert into member_activity (tenant_id, id, member_id, type, occurred_at, received_at, subject, attributes, idempotency_key, source)
                        select ?1, r.id, r.member_id, r.type, r.occurred_at, now(), r.subject, coalesce(r.attributes, '{}'), r.idempotency_key, ?2
                        from jsonb_to_recordset(cast(?3 as jsonb)) as r(id uuid, member_id uuid, type text, occurred_at timestamptz,
                             subject text, attributes jsonb, idempotency_key text)
                        on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing
                        returning id""")
                .setParameter(1, tenant.tenantId().toString()).setParameter(2, source.name()).setParameter(3, toJson(rows))
                .getResultList();
        Set<UUID> insertedIds = new HashSet<>(inserted);
        Set<UUID> acted = new HashSet<>();
        List<ActivitiesStored.Stored> storedNow = new ArrayList<>();
        byId.forEach((id, candidate) -> {
            if (insertedIds.contains(id)) {
                results[candidate.index()] = ItemResult.accepted(candidate.index(), id);
                acted.add(members.get(candidate));
                storedNow.add(new ActivitiesStored.Stored(id, members.get(candidate), candidate.item().type(), candidate.item().occurredAt()));
            } else {
                results[candidate.index()] = ItemResult.duplicate(candidate.index());
            }
        });
        if (!acted.isEmpty()) {
            stored.fire(new ActivitiesStored(tenant.tenantId(), source, List.copyOf(storedNow)));
            recorded.fire(new ActivityRecorded(tenant.tenantId(), Set.copyOf(acted)));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
