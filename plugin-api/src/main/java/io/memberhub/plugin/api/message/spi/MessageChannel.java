package io.memberhub.plugin.api.message.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * A way to reach members beyond text messages (a WeChat template message, an app push): merchants
 * pick it for a campaign's message as {@code {"channel": "PLUGIN", "pluginChannel": "<pluginId>:<CHANNEL>"}}.
 * Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface MessageChannel extends ExtensionPoint {

    /** The channel's name, unique within the plugin: 2-40 of {@code A-Z 0-9 _}, e.g. {@code TEMPLATE_MESSAGE}. */
    String channel();

    /** What the merchant reads when choosing it, e.g. {@code WeChat template message to members who signed in with WeChat}. */
    String description();

    /**
     * Delivers one message within 5 seconds. Answer {@code false} when this member cannot be reached
     * on the channel (no account there, unsubscribed there): an everyday case, not your failure. Throw
     * when the service fails; that counts against the plugin like any failing call. Either way the
     * campaign's send log shows the message as failed.
     */
    boolean send(OutgoingMessage message, PluginContext context) throws Exception;
}
