package io.memberhub.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.idempotency.IdempotentWrites;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an {@link Audited} endpoint called by a person in a transaction and, when it succeeds, adds
 * the entry to that same transaction. Its priority puts it before {@code @Transactional} and the
 * tenant binding, so every service the endpoint calls joins the transaction it opens.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

    private static final Map<Method, AuditedEndpoint> ENDPOINTS = new ConcurrentHashMap<>();

    @Inject
    AuditCaller caller;

    @Inject
    AuditNote note;

    @Inject
    AuditedTransaction transaction;

    @Inject
    AuditLog merchantLog;

    @Inject
    PlatformAuditLog platformLog;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object record(InvocationContext ctx) throws Exception {
        AuditedEndpoint endpoint = ENDPOINTS.computeIfAbsent(ctx.getMethod(), AuditedEndpoint::of);
        Audited.Log log = endpoint.audited().log();
        if (log == Audited.Log.MERCHANT) {
            Optional<AuditCaller.Staff> staff = caller.staff();
            if (staff.isEmpty()) {
                return ctx.proceed();
            }
            return transaction.run(() -> {
                merchantLog.open(staff.get().call());
                Object answer = ctx.proceed();
                if (succeeded(answer)) {
                    Entry entry = entry(endpoint, ctx.getParameters(), answer);
                    merchantLog.append(staff.get().call(), staff.get().actor(), entry.action(), entry.targetType(), entry.targetId(),
                            entry.details(), caller.origin());
                }
                return answer;
            });
        }
        Optional<Actor> actor = caller.platform(log);
        if (actor.isEmpty()) {
            return ctx.proceed();
        }
        return transaction.run(() -> {
            Object answer = ctx.proceed();
            if (succeeded(answer)) {
                Entry entry = entry(endpoint, ctx.getParameters(), answer);
                platformLog.append(actor.get(), entry.action(), entry.targetType(), entry.targetId(), entry.details(), caller.origin());
            }
            return answer;
        });
    }

    private record Entry(String action, String targetType, String targetId, String details) {
    }

    private Entry entry(AuditedEndpoint endpoint, Object[] args, Object answer) throws JsonProcessingException {
        Audited audited = endpoint.audited();
        Map<String, Object> details = new LinkedHashMap<>(endpoint.details(args, answer));
        details.putAll(note.details());
        String targetId = note.targetId() != null ? note.targetId() : endpoint.targetId(args, answer);
        return new Entry(note.action() != null ? note.action() : audited.value(), audited.target().isBlank() ? null : audited.target(),
                targetId, json.writeValueAsString(details));
    }

    /** Refusals and replays of an earlier idempotent answer changed nothing: they leave no entry. */
    private static boolean succeeded(Object answer) {
        if (answer instanceof Response response) {
            return response.getStatus() < 400 && !"true".equals(response.getHeaderString(IdempotentWrites.REPLAYED_HEADER));
        }
        return true;
    }
}
