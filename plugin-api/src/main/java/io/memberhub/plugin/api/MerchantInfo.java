package io.memberhub.plugin.api;

import java.util.Objects;

/**
 * The merchant's own settings a plugin may go by.
 *
 * @param name     the merchant's name as members see it, e.g. in a text message's signature
 * @param timeZone the merchant's time zone (an IANA id such as {@code Asia/Shanghai}): its days, member
 *                 days and opening hours are in it
 */
@InterfaceStability.Evolving
public record MerchantInfo(String name, String timeZone) {

    public MerchantInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
