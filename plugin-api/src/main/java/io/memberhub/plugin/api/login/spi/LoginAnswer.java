package io.memberhub.plugin.api.login.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.login.ExternalIdentity;
import java.util.Objects;

/**
 * What a {@link LoginProvider} made of a proof: the person's identity, or the service's refusal.
 *
 * @param identity the person, when the service vouched for them
 * @param refusal  when it did not: {@link #INVALID_PROOF}, {@link #EXPIRED_PROOF}, {@link #PROVIDER_BUSY},
 *                 {@link #PROVIDER_UNAVAILABLE} or {@link #MISCONFIGURED}
 * @param reason   the service's words for the refusal, for the app's log (e.g. {@code 40029 invalid code})
 */
@InterfaceStability.Evolving
public record LoginAnswer(ExternalIdentity identity, String refusal, String reason) {

    /** The code or token is not one the service issued for this app. */
    public static final String INVALID_PROOF = "INVALID_PROOF";
    /** It was, but has expired or was used already. */
    public static final String EXPIRED_PROOF = "EXPIRED_PROOF";
    /** The service rate-limits or is overloaded: the member may try again shortly. */
    public static final String PROVIDER_BUSY = "PROVIDER_BUSY";
    /**
     * The service answered that it cannot serve now (WeChat's {@code -1 system busy}): the member may
     * try again later. Unlike an unreachable service, this is not the plugin's failure. Since plugin-api 1.2.0.
     */
    public static final String PROVIDER_UNAVAILABLE = "PROVIDER_UNAVAILABLE";
    /**
     * The service refused the merchant's app credentials (an unknown AppID, a wrong secret): nobody can
     * sign in until the merchant corrects the plugin's settings. Since plugin-api 1.2.0.
     */
    public static final String MISCONFIGURED = "MISCONFIGURED";

    public LoginAnswer {
        if ((identity == null) == (refusal == null)) {
            throw new IllegalArgumentException("give either an identity or a refusal");
        }
    }

    public static LoginAnswer identified(ExternalIdentity identity) {
        return new LoginAnswer(Objects.requireNonNull(identity, "identity"), null, null);
    }

    public static LoginAnswer refused(String refusal, String reason) {
        return new LoginAnswer(null, Objects.requireNonNull(refusal, "refusal"), reason);
    }
}
