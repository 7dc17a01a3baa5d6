package io.memberhub.platform.campaign;

import io.memberhub.plugin.api.message.SmsMessage;
import io.memberhub.plugin.api.message.spi.OutgoingMessage;
import io.memberhub.platform.memberlogin.SmsGateway;
import io.memberhub.platform.plugin.PluginMessageChannels;
import io.memberhub.platform.plugin.PluginSmsSenders;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends a campaign's message through its channel: LOG writes it to the log (category
 * {@code io.memberhub.marketing}, for trying campaigns out), SMS goes through the merchant's SMS
 * gateway plugin if it enabled one, else the platform's gateway; PLUGIN through the plugin channel the
 * campaign names. Answers the failure, or empty.
 */
@ApplicationScoped
public class MarketingMessages {

    private static final Logger LOG = Logger.getLogger("io.memberhub.marketing");
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Inject
    PluginSmsSenders plugins;

    @Inject
    SmsGateway gateway;

    @Inject
    PluginMessageChannels channels;

    Optional<String> send(TenantBound tenant, Campaign campaign, CampaignSends.PendingMessage pending) {
        return send(tenant, campaign.channel(), campaign.pluginChannel(), pending.memberId(), pending.phone(), pending.text());
    }

    /** Sends a marketing message to a member through a channel (a journey step's as a campaign's). */
    public Optional<String> send(TenantBound tenant, CampaignRequest.Channel channel, String pluginChannel, UUID memberId, String phone,
                                 String text) {
        try {
            switch (channel) {
                case LOG -> LOG.infof("Marketing message to %s for tenant %s: %s", phone, tenant.tenantId(), text);
                case PLUGIN -> {
                    return channels.send(tenant, pluginChannel, new OutgoingMessage(memberId, phone, "MARKETING", text));
                }
                case SMS -> {
                    var message = new SmsMessage(tenant.tenantId().toString(), phone, "MARKETING", text);
                    Optional<Boolean> byPlugin = plugins.send(tenant, message, LIMIT);
                    if (byPlugin.isPresent()) {
                        return byPlugin.get() ? Optional.empty() : Optional.of("the merchant's SMS gateway plugin refused or did not answer");
                    }
                    gateway.send(message);
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
