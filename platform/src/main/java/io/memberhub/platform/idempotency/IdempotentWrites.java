package io.memberhub.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a write safe to retry: the first call with a key runs and its answer is stored in the same
 * transaction; later calls with that key get the stored answer; the same key with a different
 * request is refused. Concurrent calls with one key wait on the first (a unique-key insert), so
 * exactly one of them runs the write.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";

    /** The answer, and whether it was replayed from an earlier call. */
    public record Outcome<T>(T response, boolean replayed) {

        /** The HTTP answer to a write: 201 with the stored body, saying whether it is a replay. */
        public Response created() {
            return Response.status(Response.Status.CREATED).header(REPLAYED_HEADER, replayed).entity(response).build();
        }
    }

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> run(TenantBound tenant, String scope, String key, Object request, Class<T> responseType, Supplier<T> write) {
        requireKey(key);
        String hash = hash(request);
        int claimed = em.createNativeQuery("""
                        insert into idempotency_record (tenant_id, scope, key, request_hash, status, response, created_at)
                        values (?1, ?2, ?3, ?4, 0, '{}'::jsonb, now()) on conflict do nothing""")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, scope)
                .setParameter(3, key)
                .setParameter(4, hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(tenant, scope, key, hash, responseType);
        }
        T response = write.get();
        em.createNativeQuery("update idempotency_record set status = 1, response = cast(?1 as jsonb) "
                        + "where tenant_id = ?2 and scope = ?3 and key = ?4")
                .setParameter(1, toJson(response))
                .setParameter(2, tenant.tenantId().toString())
                .setParameter(3, scope)
                .setParameter(4, key)
                .executeUpdate();
        return new Outcome<>(response, false);
    }

    private <T> Outcome<T> replay(TenantBound tenant, String scope, String key, String hash, Class<T> responseType) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, cast(response as text) from idempotency_record "
                        + "where tenant_id = ?1 and scope = ?2 and key = ?3")
                .setParameter(1, tenant.tenantId().toString())
                .setParameter(2, scope)
                .setParameter(3, key)
                .getResultList();
        Object[] row = rows.getFirst();
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        try {
            return new Outcome<>(json.readValue((String) row[1], responseType), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored idempotent answer could not be read", e);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("IDEMPOTENCY_KEY_REQUIRED",
                    "This write must carry an Idempotency-Key header (e.g. a UUID) so that a retry cannot apply it twice");
        }
        if (key.length() > 128) {
            throw ProblemException.invalidField(HEADER, "must be at most 128 characters");
        }
    }

    private String hash(Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(toJson(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
