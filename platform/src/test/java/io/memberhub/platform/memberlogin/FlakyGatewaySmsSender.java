package io.memberhub.platform.memberlogin;

import io.memberhub.plugin.api.message.SmsMessage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;

/**
 * A gateway as a channel module might behave: fine for most phones, broken for numbers starting
 * 1990, silent (never answering) for numbers starting 1991. Delivers through the log sender otherwise.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FlakyGatewaySmsSender implements SmsGateway {

    private final CountDownLatch never = new CountDownLatch(1);

    @Inject
    LogSmsSender log;

    @Override
    public void send(SmsMessage message) throws Exception {
        if (message.phone().startsWith("1990")) {
            throw new IllegalStateException("gateway refused the message");
        }
        if (message.phone().startsWith("1991")) {
            never.await();
        }
        log.send(message);
    }
}
