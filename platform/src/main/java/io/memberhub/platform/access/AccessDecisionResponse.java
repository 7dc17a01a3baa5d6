package io.memberhub.platform.access;

import io.memberhub.platform.plugin.PluginAccessPolicies.PolicyAnswer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The decision ({@code ALLOW} or {@code DENY}), why, and what each access policy said. */
public record AccessDecisionResponse(UUID memberId, String zone, String decision, String reason, Instant decidedAt,
                                     List<PolicyAnswer> policies) {
}
