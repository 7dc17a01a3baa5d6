package io.memberhub.platform.memberlogin;

import io.memberhub.plugin.api.message.SmsMessage;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The development sender: writes each message to the log (category {@code io.memberhub.sms}) instead
 * of a gateway, so codes can be read on one machine. A channel module (a plugin's SmsSender) replaces
 * it for the merchants that enable it.
 */
@ApplicationScoped
@DefaultBean
public class LogSmsSender implements SmsGateway {

    public static final String CATEGORY = "io.memberhub.sms";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Override
    public void send(SmsMessage message) {
        LOG.infof("SMS to %s for tenant %s (%s): %s", message.phone(), message.tenantId(), message.purpose(), message.text());
    }
}
