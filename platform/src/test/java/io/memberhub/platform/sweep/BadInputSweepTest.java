package io.memberhub.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.platform.KeycloakAdminAccess;
import io.memberhub.platform.sweep.ApiOperations.Operation;
import io.memberhub.platform.sweep.BadInputs.Input;
import io.memberhub.platform.sweep.SweepClient.Answer;
import io.memberhub.platform.sweep.SweepClient.Call;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bad input, swept over every operation of the OpenAPI document that takes a JSON body or query
 * parameters (BadInputs says what is tried). Every refusal is a problem+json 4xx with a clear code and
 * leaves the merchant's rows as they were (TenantFingerprint); nothing answers 500; hostile but valid
 * text that is accepted reads back exactly.
 */
@QuarkusTest
class BadInputSweepTest {

    /** Codes that say the input itself was wrong: a generated example body must never get one. */
    private static final Set<String> INPUT_CODES = Set.of("VALIDATION_FAILED", "INVALID_FIELD_TYPE", "UNKNOWN_FIELD", "MALFORMED_JSON",
            "INVALID_TEXT", "INVALID_PARAMETER");
    /** Codes that name no reason: a refusal of bad input must say what was wrong. */
    private static final Set<String> UNCLEAR_CODES = Set.of("NOT_FOUND", "BAD_REQUEST", "INTERNAL_ERROR");
    /** Batch endpoints take larger JSON bodies under a limit of their own (2 MiB, BodyLimitsTest): 2 MB is simply refused there. */
    private static final Set<String> OWN_BODY_LIMIT = Set.of("/api/v1/activity", "/api/member/activity");
    /**
     * Tables the platform's background work writes after a commit (event relay, webhook deliveries, job
     * bookkeeping, level and campaign reactions to events), and the failed sign-in attempts a refused
     * sign-in records on purpose (they count toward the lockout).
     */
    private static final Set<String> BACKGROUND = Set.of("public.member_login_failure", "public.outbox_event", "public.webhook_delivery", "public.tenant_work",
            "public.job_run", "public.plugin_event_inbox", "public.level_review", "public.level_change", "public.member_level",
            "public.campaign_send", "public.member_activity");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothingAndHostileTextReadsBackExactly() throws Exception {
        ApiOperations api = ApiOperations.fromRunningApp();
        SweptMerchant c = SweptMerchant.shared();
        ExampleBodies examples = c.bodies(api);
        BadInputs inputs = new BadInputs(api, examples);
        String platformAdmin = KeycloakAdminAccess.platformAdminToken();
        List<Operation> swept = api.all().stream()
                .filter(op -> op.hasJsonBody() || !op.in("query").isEmpty())
                .filter(op -> !TenantIsolationSweepTest.PLUGIN_ROUTES.matcher(op.path()).matches())
                // An erasure takes the member every other operation refers to: last.
                .sorted(Comparator.comparing((Operation op) -> op.path().endsWith("/erasure")))
                .toList();
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();

        try (SweepClient client = new SweepClient(4)) {
            long started = System.nanoTime();
            // Inputs wrong for every operation: all refused, and the merchant's rows exactly as before.
            Map<String, String> before = TenantFingerprint.settled(c.id());
            List<Call> refusals = new ArrayList<>();
            for (Operation op : swept) {
                String token = tokenFor(op, c, platformAdmin);
                JsonNode base = op.hasJsonBody() ? inputs.base(op) : null;
                List<Input> tried = new ArrayList<>(inputs.query(op));
                if (base != null) {
                    tried.addAll(inputs.body(op, base, true));
                }
                tried.stream().filter(Input::mustRefuse).forEach(input -> refusals.add(call(op, c.path(op), token, base, input, examples)));
                // A NUL in a path parameter that is text (a key, an external id), not an id.
                op.in("path").stream().filter(p -> !p.name().equals("path") && !api.resolve(p.schema()).has("format")).forEach(p ->
                        refusals.add(call(op, c.path(op, p.name(), "sweep%00" + p.name()), token, base,
                                new Input("path " + p.name() + ": NUL in text", null, null, null, true, null, null), examples)));
            }
            client.sendAll(refusals, answer -> {
                if (!(answer.status() >= 400 && answer.status() < 500 && answer.isProblem() && !UNCLEAR_CODES.contains(answer.code()))
                        && !everyItemRejected(answer)) {
                    findings.add("refused badly: " + answer);
                } else if (answer.call().label().startsWith("2 MB") && !answer.code().equals("BODY_TOO_LARGE")
                        && !OWN_BODY_LIMIT.contains(answer.call().path())) {
                    findings.add("a JSON body over the limit not refused as too large: " + answer);
                }
                return answer;
            });
            Map<String, String> refusedChanges = TenantFingerprint.changes(before, TenantFingerprint.settled(c.id()));
            if (!refusedChanges.isEmpty()) {
                findings.add("inputs that must be refused changed the merchant's " + refusedChanges.keySet());
            }

            // The example body, and inputs that may be accepted: never a 500, and accepted text reads back exactly.
            int accepted = 0;
            for (Operation op : swept) {
                String token = tokenFor(op, c, platformAdmin);
                JsonNode base = op.hasJsonBody() ? inputs.base(op) : null;
                List<Input> tried = new ArrayList<>();
                tried.add(new Input("the example", base == null ? null : BadInputs.write(base), "application/json", null, false, null, null));
                tried.addAll(inputs.query(op).stream().filter(i -> !i.mustRefuse()).toList());
                if (base != null) {
                    // Each from a fresh example, so that what must be unique (a phone, a name, an external id) is.
                    int count = inputs.body(op, base, false).size();
                    for (int i = 0; i < count; i++) {
                        tried.add(inputs.body(op, inputs.base(op), false).get(i));
                    }
                }
                Map<String, String> last = quiet(TenantFingerprint.of(c.id()));
                Map<Call, Input> byCall = new IdentityHashMap<>();
                List<Call> calls = new ArrayList<>();
                for (Input input : tried) {
                    Call call = call(op, c.path(op), token, base, input, examples);
                    byCall.put(call, input);
                    calls.add(call);
                }
                // Writes to one resource one at a time, so that what is read back is what this call stored.
                Function<Function<Answer, Answer>, List<Answer>> send = Set.of("PUT", "PATCH").contains(op.method())
                        ? check -> client.sendInOrder(calls, check) : check -> client.sendAll(calls, check);
                List<Answer> answers = send.apply(answer -> {
                    Input input = byCall.get(answer.call());
                    if (answer.status() >= 500 || answer.status() >= 400 && !answer.isProblem()) {
                        findings.add("failed: " + answer);
                    } else if (input.label().equals("the example") && answer.status() >= 400 && INPUT_CODES.contains(answer.code())) {
                        findings.add("the generated example was refused as bad input (give ExampleBodies what it needs): " + answer);
                    } else if (answer.status() < 300 && input.field() != null && input.text() != null) {
                        readsBack(api, op, c.path(op), token, answer, input, client).ifPresent(findings::add);
                    }
                    return answer;
                });
                boolean changed = answers.stream().anyMatch(a -> a.status() < 300);
                Map<String, String> now = quiet(TenantFingerprint.of(c.id()));
                if (changed) {
                    accepted++;
                } else if (!now.equals(last)) {
                    findings.add(op + ": refused every input yet changed " + TenantFingerprint.changes(last, now).keySet());
                }
            }
            TenantIsolationSweepTest.summary("bad input (" + refusals.size() + " inputs that must be refused, "
                    + accepted + " operations accepted some other input, " + (System.nanoTime() - started) / 1_000_000_000 + " s)",
                    swept.size(), client);
        }
        assertThat(findings).as("bad input findings").isEmpty();
    }

    /**
     * A batch endpoint (activity) refuses bad items one by one, as documented: 200 with each item's
     * result, and a batch none of whose items was taken is refused as a whole.
     */
    private static boolean everyItemRejected(Answer answer) {
        try {
            JsonNode body = answer.status() == 200 ? JSON.readTree(answer.body()) : null;
            return body != null && body.path("accepted").asInt(-1) == 0 && body.path("duplicates").asInt(-1) == 0
                    && body.path("rejected").asInt(0) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The token of whoever may call the operation: the merchant's owner, its gate, its member, a developer or a platform operator. */
    private static String tokenFor(Operation op, SweptMerchant c, String platformAdmin) {
        if (op.open()) {
            return null;
        }
        if (op.roles().contains("owner")) {
            return c.merchant.ownerToken();
        }
        if (op.roles().contains("device")) {
            return c.gateToken;
        }
        if (op.roles().contains("developer")) {
            return c.developerToken;
        }
        if (op.roles().contains("platform-admin")) {
            return platformAdmin;
        }
        return op.path().startsWith("/api/member/") ? c.memberToken : c.merchant.ownerToken();
    }

    /** The call for one input, with the operation's required query parameters (other than the one tried) set to valid values. */
    private static Call call(Operation op, String path, String token, JsonNode base, Input input, ExampleBodies examples) {
        List<String> query = new ArrayList<>();
        for (var param : op.in("query")) {
            boolean tried = input.query() != null && input.query().startsWith(param.name() + "=");
            if (param.required() && !tried) {
                query.add(param.name() + "=" + BadInputs.encode(examples.example(param.schema(), param.name(), op + " ?" + param.name()).asText()));
            }
        }
        if (input.query() != null) {
            query.add(input.query());
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        Call call = Call.of(input.label(), op.method(), target, token);
        if (base != null && input.body() != null) {
            call = call.body(input.contentType(), input.body().getBytes(StandardCharsets.UTF_8));
        } else if (base != null) {
            call = call.json(BadInputs.write(base));
        }
        if (op.declaresHeader("Idempotency-Key")) {
            call = call.header("Idempotency-Key", "sweep-" + UUID.randomUUID());
        }
        return call;
    }

    /**
     * Accepted text must come back as sent: in the answer, and from the resource's own GET where the
     * API has one ({@code POST /x} then {@code GET /x/{id}}; {@code PUT}/{@code PATCH /x/{id}} then {@code GET /x/{id}}).
     */
    private static java.util.Optional<String> readsBack(ApiOperations api, Operation op, String path, String token, Answer answer, Input input,
                                                        SweepClient client) {
        try {
            JsonNode echoed = answer.body().isBlank() ? null : JSON.readTree(answer.body());
            if (echoed != null && echoed.path(input.field()).isTextual() && !echoed.get(input.field()).asText().equals(input.text())) {
                return java.util.Optional.of(op + " " + input.field() + " sent " + printable(input.text()) + ", answered "
                        + printable(echoed.get(input.field()).asText()));
            }
            String readBack = null;
            if (op.method().equals("POST") && echoed != null && echoed.path("id").isTextual() && hasGet(api, op.path() + "/{id}")) {
                readBack = path + "/" + echoed.get("id").asText();
            } else if (Set.of("PUT", "PATCH").contains(op.method()) && hasGet(api, op.path())) {
                readBack = path;
            }
            if (readBack == null) {
                return java.util.Optional.empty();
            }
            Answer read = client.send(Call.of("read back", "GET", readBack, token));
            JsonNode stored = JSON.readTree(read.body());
            if (read.status() == 200 && stored.path(input.field()).isTextual() && !stored.get(input.field()).asText().equals(input.text())) {
                return java.util.Optional.of(op + " " + input.field() + " stored " + printable(input.text()) + ", read back "
                        + printable(stored.get(input.field()).asText()));
            }
            return java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.of(op + ": answer is not JSON: " + answer);
        }
    }

    private static boolean hasGet(ApiOperations api, String template) {
        return api.all().stream().anyMatch(o -> o.method().equals("GET") && o.path().equals(template));
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.codePoints().mapToObj(cp -> cp < 0x20 || cp == 0x202e || cp == 0x202c ? String.format("\\u%04x", cp) : Character.toString(cp))
                .collect(Collectors.joining("", "\"", "\""));
    }

    /** A fingerprint without the tables background work writes after commits, for comparing from one operation to the next. */
    private static Map<String, String> quiet(Map<String, String> fingerprint) {
        Map<String, String> kept = new java.util.TreeMap<>(fingerprint);
        kept.keySet().removeAll(BACKGROUND);
        return kept;
    }
}
