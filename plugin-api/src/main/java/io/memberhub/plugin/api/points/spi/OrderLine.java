package io.memberhub.plugin.api.points.spi;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * A line of an order as the merchant system sent it.
 *
 * @param amount what the line cost, in minor units (fen)
 */
@InterfaceStability.Evolving
public record OrderLine(String sku, String name, String category, int quantity, long amount) {
}
