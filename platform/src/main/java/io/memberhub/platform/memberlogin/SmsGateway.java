package io.memberhub.platform.memberlogin;

import io.memberhub.plugin.api.message.SmsMessage;

/**
 * The platform's own way to send text messages, used for merchants that enabled no plugin
 * implementing {@link io.memberhub.plugin.api.message.SmsSender}. The default writes to the log
 * ({@link LogSmsSender}); an operator can provide a real gateway as a CDI bean.
 */
public interface SmsGateway {

    /** Hands the message to the gateway; throws if the gateway refused it. */
    void send(SmsMessage message) throws Exception;
}
