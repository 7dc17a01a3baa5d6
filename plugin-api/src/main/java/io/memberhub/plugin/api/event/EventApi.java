package io.memberhub.plugin.api.event;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * Publishes the plugin's own events into the merchant's event stream (the outbox): other plugins'
 * listeners hear them after commit, and merchants' webhooks receive them. Needs {@code events:publish}.
 */
@InterfaceStability.Evolving
public interface EventApi {

    /**
     * Records an event; listeners see its type as {@code <pluginId>:<type>} (e.g.
     * {@code course-pack:CoursePurchased}) so no plugin can pass for the platform or another plugin.
     * The publishing plugin's own listeners do not hear it (no loops).
     *
     * @param type          1-64 letters and digits starting with an upper-case letter, e.g. {@code CoursePurchased}
     * @param aggregateType what it is about, e.g. {@code member}
     * @param aggregateId   the id of that, e.g. the member's id
     * @param payloadJson   a JSON object of at most 64 KiB
     * @return the event's id
     */
    String publish(String type, String aggregateType, String aggregateId, String payloadJson);
}
