package io.memberhub.plugin.api.login;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Map;

/**
 * A way for members to sign in with another service (WeChat, QQ, ...). The provider turns what the
 * member's app received from that service (an OAuth code, a mini-program {@code code2session} code)
 * into an {@link ExternalIdentity}; the platform links it to a member and issues the member's token.
 *
 * @deprecated The platform never calls this seam; implement {@link io.memberhub.plugin.api.login.spi.LoginProvider}.
 */
@Deprecated(since = "1.1.0", forRemoval = true)
@InterfaceStability.Evolving
public interface LoginProvider {

    /** The name members' apps use to pick this provider, e.g. {@code wechat}. */
    String id();

    /**
     * Verifies the proof with the provider for one merchant.
     *
     * @param tenantId the merchant whose app the member signs in to (its configuration holds the app id and secret)
     * @param proof    what the app sent, e.g. {@code {"code": "..."}}
     */
    ExternalIdentity verify(String tenantId, Map<String, String> proof) throws Exception;
}
