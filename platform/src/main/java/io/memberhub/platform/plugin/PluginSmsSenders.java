package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.message.SmsMessage;
import io.memberhub.plugin.api.message.SmsSender;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends a merchant's text messages through the SMS gateway plugin it enabled. With several, the
 * first by plugin id sends (one message must not go out twice). A plugin that fails makes the send
 * fail rather than fall back to the platform's gateway: the merchant chose that gateway, perhaps for
 * its signature or its contract; once suspended, the platform's gateway takes over.
 */
@ApplicationScoped
public class PluginSmsSenders {

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    /** Empty when the merchant enabled no sender plugin; else whether the plugin accepted the message within {@code limit}. */
    public Optional<Boolean> send(TenantBound tenant, SmsMessage message, Duration limit) {
        List<ActivePlugins.Active<SmsSender>> senders = active.of(tenant, SmsSender.class);
        if (senders.isEmpty()) {
            return Optional.empty();
        }
        var sender = senders.getFirst();
        return Optional.of(guard.call(PluginGuard.Call.to(sender, context -> {
            sender.extension().send(message, context);
            return Boolean.TRUE;
        }), limit).isPresent());
    }
}
