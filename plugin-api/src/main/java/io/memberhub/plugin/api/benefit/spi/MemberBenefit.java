package io.memberhub.plugin.api.benefit.spi;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Objects;

/**
 * One benefit as the member's benefits list shows it.
 *
 * @param type        a stable upper-case code, e.g. {@code FREE_DELIVERY_OVER}
 * @param name        a short title, e.g. {@code Free delivery}
 * @param description one line, e.g. {@code On orders over 59.00 yuan}; may be null
 * @param value       a number the benefit is about in minor units or whole points (e.g. 5900), or null
 */
@InterfaceStability.Evolving
public record MemberBenefit(String type, String name, String description, Long value) {

    public MemberBenefit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
