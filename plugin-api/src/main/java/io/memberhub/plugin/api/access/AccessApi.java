package io.memberhub.plugin.api.access;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.access.spi.AccessDecision;
import java.util.UUID;

/**
 * The merchant's access policies, asked by a plugin that lets members through somewhere (a gate):
 * the same answer {@code POST /api/v1/access/decisions} gives. Needs {@code access:check}. Since
 * plugin-api 1.2.0.
 */
@InterfaceStability.Evolving
public interface AccessApi {

    /**
     * Asks the access policies of every other plugin the merchant enabled (a gym's zone hours and
     * levels) whether the member may enter {@code zone} now; any DENY wins, and without any policy
     * everyone the merchant knows may enter. A policy that fails or answers late lets the member in,
     * unless {@code failClosed}. Unknown member: {@code MEMBER_NOT_FOUND}.
     *
     * @param deviceId the merchant's device asking (a gate), or null
     */
    AccessDecision decide(UUID memberId, String zone, UUID deviceId, boolean failClosed);
}
