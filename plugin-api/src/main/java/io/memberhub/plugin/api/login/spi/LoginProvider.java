package io.memberhub.plugin.api.login.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A way for members to sign in with another service (WeChat, QQ, ...). The provider turns what the
 * member's app received from that service (an OAuth code, a mini-program {@code code2session} code)
 * into an {@link io.memberhub.plugin.api.login.ExternalIdentity}, checked with the service using the
 * merchant's app id and secret from {@link PluginContext#config()}; the platform links the identity
 * to a member and issues the member's tokens.
 *
 * <p>Answer a proof the service turns down with {@link LoginAnswer#refused}: that is the member's
 * mistake, not the plugin's, and never counts toward suspending the plugin. Throw only when the
 * service cannot be reached or answers what it documents no answer for. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface LoginProvider extends ExtensionPoint {

    /** The name members' apps use to pick this provider: 2-30 of {@code a-z 0-9 -}, e.g. {@code wechat}. */
    String provider();

    /**
     * Checks the proof with the service for the merchant of {@code context}.
     *
     * @param proof what the app sent, e.g. {@code {"code": "..."}} (at most 10 entries of 2 KiB)
     */
    LoginAnswer identify(Map<String, String> proof, PluginContext context) throws Exception;
}
