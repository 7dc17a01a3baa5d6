package io.memberhub.plugin.api.message;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Delivers text messages (login codes, notices) through an SMS gateway for the merchants that
 * enabled the plugin; the gateway's account usually comes from the merchant's configuration of the
 * plugin. Without one, the platform's own sender is used (in development it writes to the log).
 * Called with a time limit ({@code memberhub.sms.send-timeout}).
 */
@InterfaceStability.Evolving
public interface SmsSender extends ExtensionPoint {

    /** Hands the message to the gateway; throws if the gateway refused it, so the caller can say so. */
    void send(SmsMessage message, PluginContext context) throws Exception;
}
