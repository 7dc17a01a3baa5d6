package io.memberhub.plugin.api.event.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;

/**
 * Something that happened in a merchant's programme, after it was committed.
 *
 * @param id            unique per event and the same each time it is delivered: delivery is at least once, so a
 *                      listener keys what it does by it to do it once
 * @param type          e.g. {@code MemberRegistered}, {@code OrderRecorded}, {@code OrderRefunded}, {@code LevelChanged},
 *                      {@code PointsRedeemed}, {@code CouponIssued}, {@code VisitRecorded}, {@code TopUpRecorded},
 *                      {@code MemberErased} (erase what you keep about the member: see the plugin guide)
 * @param aggregateType what the event is about, e.g. {@code member}
 * @param aggregateId   the id of that, e.g. the member's id
 * @param payloadJson   the event's details as a JSON object; fields are only ever added
 */
@InterfaceStability.Evolving
public record PlatformEvent(String id, String type, String aggregateType, String aggregateId, Instant occurredAt,
                            String payloadJson) {
}
