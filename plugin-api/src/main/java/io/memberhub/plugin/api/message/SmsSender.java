package io.memberhub.plugin.api.message;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * Delivers text messages (login codes, notices) through an SMS gateway. The platform ships a
 * development sender that writes messages to its log; a channel module implements this for a
 * real gateway. Implementations must not block for long: the platform calls them with a time limit.
 */
@InterfaceStability.Evolving
public interface SmsSender {

    /** Hands the message to the gateway; throws if the gateway refused it, so the caller can say so. */
    void send(SmsMessage message) throws Exception;
}
