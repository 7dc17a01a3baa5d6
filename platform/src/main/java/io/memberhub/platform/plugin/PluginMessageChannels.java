package io.memberhub.platform.plugin;

import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.message.spi.MessageChannel;
import io.memberhub.plugin.api.message.spi.OutgoingMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The message channels of the merchant's enabled plugins ({@link MessageChannel}) and sending through one. */
@ApplicationScoped
public class PluginMessageChannels {

    /** A channel as the console lists it: {@code pluginChannel} is {@code <pluginId>:<CHANNEL>}. */
    public record Channel(String pluginChannel, String description) {
    }

    private enum Delivery { NOT_THIS_CHANNEL, DELIVERED, UNREACHABLE }

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Inject
    ActivePlugins active;

    @Inject
    ExtensionCalls extensions;

    public List<Channel> available(TenantBound tenant) {
        return extensions.names(tenant, MessageChannel.class, MessageChannel::channel, MessageChannel::description, "message channel")
                .stream().map(n -> new Channel(n.pluginId() + ":" + n.name(), n.description())).toList();
    }

    /** Empty when delivered; else why not (the plugin refused, failed, ran late, or is not enabled). */
    public Optional<String> send(TenantBound tenant, String pluginChannel, OutgoingMessage message) {
        int colon = pluginChannel.indexOf(':');
        String pluginId = pluginChannel.substring(0, colon);
        String channel = pluginChannel.substring(colon + 1);
        var candidates = active.of(tenant, MessageChannel.class).stream().filter(c -> c.plugin().id().equals(pluginId)).toList();
        List<Optional<Delivery>> answers = extensions.askAll(candidates, (MessageChannel c, PluginContext context) ->
                !channel.equals(c.channel()) ? Delivery.NOT_THIS_CHANNEL : c.send(message, context) ? Delivery.DELIVERED : Delivery.UNREACHABLE,
                LIMIT).stream().map(ExtensionCalls.Answer::value).toList();
        if (answers.contains(Optional.of(Delivery.DELIVERED))) {
            return Optional.empty();
        }
        if (answers.contains(Optional.of(Delivery.UNREACHABLE))) {
            return Optional.of("the member cannot be reached on " + pluginChannel);
        }
        return Optional.of(answers.stream().anyMatch(Optional::isEmpty)
                ? "the plugin channel " + pluginChannel + " failed or did not answer"
                : "no plugin enabled for this merchant offers the channel " + pluginChannel);
    }
}
