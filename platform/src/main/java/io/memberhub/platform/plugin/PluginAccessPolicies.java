package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.access.spi.AccessDecision;
import io.memberhub.plugin.api.access.spi.AccessPolicy;
import io.memberhub.plugin.api.access.spi.AccessRequest;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Asks every access policy of the plugins a merchant enabled whether a member may enter a zone:
 * all at once, within the guard's time limit. Any DENY wins. A policy that fails or answers late
 * has said nothing: the zone's failure mode decides whether that lets the member in (fail open)
 * or keeps the member out (fail closed).
 */
@ApplicationScoped
public class PluginAccessPolicies {

    /** What one plugin's policy said: {@code ALLOW}, {@code DENY} or {@code NO_ANSWER} (failed or late). */
    public record PolicyAnswer(String pluginId, String verdict, String reason) {
    }

    /** The combined decision and every policy's answer, for the gate's display and the staff's screen. */
    public record Decision(boolean allowed, String reason, List<PolicyAnswer> policies) {
    }

    static final String NO_ANSWER = "NO_ANSWER";
    private static final int MAX_REASON = 200;

    @Inject
    ExtensionCalls extensions;

    @Inject
    ActivePlugins active;

    public Decision decide(TenantBound tenant, AccessRequest request, boolean failClosed) {
        return decide(tenant, request, failClosed, null);
    }

    /** As asked by a plugin: every policy but its own ({@code askingPluginId}). */
    public Decision decide(TenantBound tenant, AccessRequest request, boolean failClosed, String askingPluginId) {
        List<ActivePlugins.Active<AccessPolicy>> others = active.of(tenant, AccessPolicy.class).stream()
                .filter(a -> !a.plugin().id().equals(askingPluginId))
                .toList();
        List<PolicyAnswer> answers = extensions.askAll(others, (AccessPolicy policy, PluginContext context) ->
                        checked(policy.decide(request, context))).stream()
                .map(answer -> answer.value()
                        .map(d -> new PolicyAnswer(answer.pluginId(), d.verdict().name(), shorten(d.reason())))
                        .orElseGet(() -> new PolicyAnswer(answer.pluginId(), NO_ANSWER, "did not answer in time or failed")))
                .toList();
        if (answers.isEmpty()) {
            return new Decision(true, "No access policy applies", List.of());
        }
        Optional<PolicyAnswer> denied = answers.stream().filter(a -> a.verdict().equals("DENY")).findFirst();
        if (denied.isPresent()) {
            return new Decision(false, denied.get().reason() == null ? "Denied by " + denied.get().pluginId() : denied.get().reason(), answers);
        }
        Optional<PolicyAnswer> silent = answers.stream().filter(a -> a.verdict().equals(NO_ANSWER)).findFirst();
        if (silent.isPresent() && failClosed) {
            return new Decision(false, "Access policy " + silent.get().pluginId() + " did not answer; this zone fails closed", answers);
        }
        return new Decision(true, silent.isPresent() ? "Allowed; access policy " + silent.get().pluginId()
                + " did not answer and this zone fails open" : "Allowed by every access policy", answers);
    }

    private static AccessDecision checked(AccessDecision decision) throws PluginGuard.Misbehaved {
        if (decision == null) {
            throw new PluginGuard.Misbehaved("an access policy answered null instead of ALLOW or DENY");
        }
        return decision;
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
