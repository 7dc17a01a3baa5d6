package io.memberhub.platform.pluginapi;

import io.memberhub.plugin.api.Permissions;
import io.memberhub.plugin.api.event.EventApi;
import java.util.regex.Pattern;

/** {@link EventApi} for one plugin and merchant. */
final class ContextEvents implements EventApi {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
    private static final Pattern AGGREGATE_TYPE = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final int MAX_PAYLOAD = 65_536;

    private final PluginCaller caller;
    private final PluginEventPublisher publisher;

    ContextEvents(PluginCaller caller, PluginEventPublisher publisher) {
        this.caller = caller;
        this.publisher = publisher;
    }

    @Override
    public String publish(String type, String aggregateType, String aggregateId, String payloadJson) {
        caller.require(Permissions.EVENTS_PUBLISH);
        ArgumentChecks.matches(type, TYPE, "type");
        ArgumentChecks.matches(aggregateType, AGGREGATE_TYPE, "aggregateType");
        ArgumentChecks.require(aggregateId != null && !aggregateId.isBlank() && aggregateId.length() <= 100,
                "aggregateId must have 1 to 100 characters");
        ArgumentChecks.require(payloadJson != null && payloadJson.length() <= MAX_PAYLOAD, "payloadJson must be at most 64 KiB");
        return PlatformSide.call(() -> publisher.publish(caller, caller.pluginId(), type, aggregateType, aggregateId, payloadJson))
                .toString();
    }
}
