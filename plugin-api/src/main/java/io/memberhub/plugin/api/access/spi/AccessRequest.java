package io.memberhub.plugin.api.access.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.UUID;

/**
 * A member at a zone's entrance.
 *
 * @param zone     the merchant's name of the zone, e.g. {@code locker-room}
 * @param at       when the member is there (now, for a live gate)
 * @param deviceId the gate or scanner asking, or null when staff ask
 */
@InterfaceStability.Evolving
public record AccessRequest(UUID memberId, String zone, Instant at, UUID deviceId) {
}
