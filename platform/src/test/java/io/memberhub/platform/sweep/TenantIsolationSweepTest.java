package io.memberhub.platform.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberhub.platform.Merchants;
import io.memberhub.platform.Merchants.Merchant;
import io.memberhub.platform.sweep.ApiOperations.Operation;
import io.memberhub.platform.sweep.SweepClient.Call;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation and roles, swept over every operation of the OpenAPI document: merchant A's owner
 * with every id of merchant B, A's lists, a member's token on every staff endpoint, a gate's token on
 * everything but what gates may call, and staff below the role an operation names. Each sweep also
 * proves B's rows unchanged (TenantFingerprint).
 */
@QuarkusTest
class TenantIsolationSweepTest {

    /** Operations anyone may call without a token; every other operation must name its security. */
    static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/tenants",                  // merchant sign-up
            "POST /api/v1/market/developers",        // plugin developer sign-up
            "POST /api/member/auth/sms-codes",       // a member's sign-in, step by step
            "POST /api/member/auth/sms-login",
            "POST /api/member/auth/password-login",
            "POST /api/member/auth/step-up",
            "POST /api/member/auth/external-login");

    /** Plugins' routes: documented without security because the platform checks the caller in code (staff, devices or members). */
    static final Pattern PLUGIN_ROUTES = Pattern.compile("/api/(v1|member)/ext/.*");

    private static ApiOperations api;
    private static Merchant a;
    private static SweptMerchant b;

    @BeforeEach
    void twoMerchantsOnce() throws Exception {
        if (a != null) {
            return;
        }
        api = ApiOperations.fromRunningApp();
        a = Merchants.signUp("sweep-a");
        b = SweptMerchant.shared();
    }

    @Test
    void everyOperationNamesItsSecurityOrIsOnThePublicList() {
        List<String> open = api.all().stream().filter(Operation::open).filter(op -> !PLUGIN_ROUTES.matcher(op.path()).matches())
                .map(Operation::toString).toList();
        assertThat(open).as("operations documented without security").containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void aMerchantsOwnerWithEveryIdOfAnotherMerchantGetsNotFoundOrForbiddenAndChangesNothing() {
        Map<String, String> before = TenantFingerprint.settled(b.id());
        ExampleBodies bodies = b.bodies(api);
        List<Call> calls = new ArrayList<>();
        Set<Call> ofB = new java.util.HashSet<>();
        for (Operation op : api.all()) {
            if (!op.in("path").isEmpty()) {
                Call call = request(op, b.path(op), a.ownerToken(), bodies);
                calls.add(call);
                if (b.ownsAPathId(op)) {
                    ofB.add(call);
                }
            }
        }
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
        List<String> secrets = b.filled.secrets();
        try (SweepClient client = new SweepClient(4)) {
            client.sendAll(calls, answer -> {
                boolean refused = (answer.status() == 403 || answer.status() == 404) && answer.isProblem();
                // A catalogue id (a module) is A's to use for itself: only B's data must stay out of reach.
                if (ofB.contains(answer.call()) ? !refused : answer.status() >= 500) {
                    findings.add(answer.toString());
                }
                secrets.stream().filter(answer.body()::contains).forEach(secret -> findings.add(answer + " shows B's secret"));
                return answer;
            });
            assertThat(TenantFingerprint.changes(before, TenantFingerprint.settled(b.id()))).as("B's tables changed by A's calls").isEmpty();
            summary("tenant isolation, A's owner with B's ids", calls.size(), client);
        }
        assertThat(findings).as("A's owner reached B's data").isEmpty();
    }

    @Test
    void listsAnsweredToOneMerchantShowNothingOfAnother() {
        List<String> bValues = b.ownValues();
        List<Call> calls = api.all().stream()
                .filter(op -> op.method().equals("GET") && op.in("path").isEmpty() && !op.path().startsWith("/api/member/"))
                .map(op -> Call.of("list", "GET", op.path(), a.ownerToken())).toList();
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
        try (SweepClient client = new SweepClient(4)) {
            client.sendAll(calls, answer -> {
                if (answer.status() >= 500) {
                    findings.add(answer.toString());
                }
                bValues.stream().filter(answer.body()::contains).forEach(v -> findings.add(answer.call() + " shows B's " + v));
                return answer;
            });
            summary("tenant isolation, A's lists", calls.size(), client);
        }
        assertThat(findings).as("lists answered to A").isEmpty();
    }

    @Test
    void aMembersTokenReachesNoStaffEndpoint() {
        assertThat(sweepRefused("member token on staff endpoints", b.memberToken,
                op -> op.path().startsWith("/api/v1/") && !PUBLIC.contains(op.toString()))).isEmpty();
    }

    @Test
    void aGatesTokenReachesOnlyWhatDevicesMayCall() {
        // Devices may call plugins' staff routes too: a gate reports a passage to the plugin that runs the zone.
        assertThat(sweepRefused("device token outside the device endpoints", b.gateToken,
                op -> !op.roles().contains("device") && !PUBLIC.contains(op.toString()) && !op.path().startsWith("/api/v1/ext/"))).isEmpty();
    }

    @Test
    void staffBelowTheRoleAnOperationNamesAreForbidden() {
        List<String> findings = new ArrayList<>();
        findings.addAll(sweepRefused("operator token on owner/admin endpoints", b.operatorToken,
                op -> !op.roles().isEmpty() && !op.roles().contains("operator")));
        findings.addAll(sweepRefused("admin token on owner-only endpoints", b.adminToken,
                op -> !op.roles().isEmpty() && !op.roles().contains("admin")));
        findings.addAll(sweepRefused("owner token on developer and platform operator endpoints", b.merchant.ownerToken(),
                op -> !op.roles().isEmpty() && !op.roles().contains("owner")));
        assertThat(findings).isEmpty();
    }

    /** Every operation {@code which} selects, called with {@code token} and B's own ids, must answer 401 or 403 with a problem: the others. */
    private List<String> sweepRefused(String name, String token, Predicate<Operation> which) {
        Map<String, String> before = TenantFingerprint.settled(b.id());
        ExampleBodies bodies = b.bodies(api);
        List<Call> calls = api.all().stream().filter(which).map(op -> request(op, b.path(op), token, bodies)).toList();
        ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();
        try (SweepClient client = new SweepClient(4)) {
            client.sendAll(calls, answer -> {
                if (!((answer.status() == 401 || answer.status() == 403) && answer.isProblem())) {
                    findings.add(answer.toString());
                }
                return answer;
            });
            assertThat(TenantFingerprint.changes(before, TenantFingerprint.settled(b.id()))).as(name + ": B's tables changed").isEmpty();
            summary(name, calls.size(), client);
        }
        return findings.stream().map(f -> name + ": " + f).toList();
    }

    /** The request for an operation: a valid example body of its kind and a fresh Idempotency-Key where it takes one. */
    static Call request(Operation op, String path, String token, ExampleBodies bodies) {
        Call call = Call.of(op.toString(), op.method(), path, token);
        if (op.hasJsonBody()) {
            call = call.json(bodies.forOperation(op).toString());
        } else if (op.bodyType() != null) {
            call = switch (op.bodyType()) {
                case "text/csv" -> call.body("text/csv", "phone\n13900000000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                case "application/zip" -> call.body("application/zip", new byte[] {'P', 'K', 5, 6});
                default -> call.json("{}");
            };
        }
        if (op.declaresHeader("Idempotency-Key")) {
            call = call.header("Idempotency-Key", "sweep-" + UUID.randomUUID());
        }
        return call;
    }

    static void summary(String sweep, int operations, SweepClient client) {
        System.out.println("[sweep] " + sweep + ": " + operations + " operations, " + client.calls() + " calls, statuses "
                + client.statuses());
    }
}
