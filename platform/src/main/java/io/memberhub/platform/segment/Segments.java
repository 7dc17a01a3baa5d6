package io.memberhub.platform.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.db.UniqueViolation;
import io.memberhub.platform.member.MemberPage;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's saved audiences. A segment stores its filter, never its members: counts and member
 * lists are computed when asked, through the same search staff use, so they are always current.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Segments {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    MemberService members;

    public SegmentResponse create(CallContext call, SegmentRequest request) {
        validate(call, request.filter());
        UUID id = UUID.randomUUID();
        write("insert into segment (tenant_id, id, name, description, filter, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), now(), now())", call, id, request);
        return find(call, id);
    }

    public SegmentResponse update(CallContext call, UUID id, SegmentRequest request) {
        find(call, id);
        validate(call, request.filter());
        write("update segment set name = ?3, description = ?4, filter = cast(?5 as jsonb), updated_at = now() "
                + "where tenant_id = ?1 and id = ?2", call, id, request);
        return find(call, id);
    }

    public void delete(CallContext call, UUID id) {
        find(call, id);
        em.createNativeQuery("delete from segment where id = ?1").setParameter(1, id).executeUpdate();
    }

    public List<SegmentResponse> list(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by name").getResultList();
        return rows.stream().map(r -> toResponse(call, r)).toList();
    }

    public SegmentResponse find(CallContext call, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> toResponse(call, r))
                .orElseThrow(() -> ProblemException.notFound("SEGMENT_NOT_FOUND", "No segment " + id));
    }

    /** The segment's members now, a page at a time (newest members first). */
    public MemberPage members(CallContext call, UUID id, int page, int size) {
        return members.search(call, find(call, id).filter().page(page, size));
    }

    /** Refuses tags and levels that are not this merchant's, so a segment never silently matches no one. */
    private void validate(CallContext call, SegmentFilter filter) {
        List<Problem.FieldError> errors = new ArrayList<>();
        unknown(errors, "filter.tags", filter.tags(), "tag");
        unknown(errors, "filter.withoutTags", filter.withoutTags(), "tag");
        unknown(errors, "filter.levels", filter.levels(), "level");
        scores(errors, "filter.recencyScores", filter.recencyScores());
        scores(errors, "filter.frequencyScores", filter.frequencyScores());
        scores(errors, "filter.monetaryScores", filter.monetaryScores());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        members.search(call, filter.page(0, 1));
    }

    private void unknown(List<Problem.FieldError> errors, String field, List<UUID> ids, String table) {
        for (UUID id : ids) {
            boolean exists = !em.createNativeQuery("select 1 from " + table + " where id = ?1").setParameter(1, id).getResultList().isEmpty();
            if (!exists) {
                errors.add(new Problem.FieldError(field, "names no " + table + " of this merchant: " + id));
            }
        }
    }

    private static void scores(List<Problem.FieldError> errors, String field, List<Integer> scores) {
        if (scores.stream().anyMatch(score -> score == null || score < 1 || score > 5)) {
            errors.add(new Problem.FieldError(field, "RFM scores are 1 to 5"));
        }
    }

    private void write(String sql, CallContext call, UUID id, SegmentRequest request) {
        try {
            em.createNativeQuery(sql).setParameter(1, call.tenantId().toString()).setParameter(2, id)
                    .setParameter(3, request.name().strip()).setParameter(4, request.description())
                    .setParameter(5, json.writeValueAsString(request.filter())).executeUpdate();
            em.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (UniqueViolation.of(e, "segment_name_uq")) {
                throw ProblemException.conflict("SEGMENT_EXISTS", "There is a segment named '" + request.name().strip() + "' already");
            }
            throw e;
        }
    }

    private static final String SELECT = "select id, name, description, cast(filter as text), created_at, updated_at from segment";

    private SegmentResponse toResponse(CallContext call, Object[] r) {
        SegmentFilter filter;
        try {
            filter = json.readValue((String) r[3], SegmentFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored segment filter cannot be read", e);
        }
        long count = members.search(call, filter.page(0, 1)).total();
        return new SegmentResponse((UUID) r[0], (String) r[1], (String) r[2], filter, count, SqlValues.instant(r[4]), SqlValues.instant(r[5]));
    }
}
