package io.memberhub.plugin.api.points.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A paid order being recorded, as a points earn rule sees it. Money is in minor units (fen),
 * points are whole numbers.
 *
 * @param externalId the merchant system's own order number
 * @param basePoints what the merchant's own earn rules (rate, level, member day, categories) give
 * @param lines      the order's lines; empty when the merchant system sent none
 */
@InterfaceStability.Evolving
public record OrderFact(UUID memberId, String externalId, long amount, String channel, Instant paidAt, long basePoints,
                        List<OrderLine> lines) {

    public OrderFact {
        lines = List.copyOf(lines);
    }
}
