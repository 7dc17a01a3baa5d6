package io.memberhub.platform.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.memberhub.platform.event.DomainEvent;
import io.memberhub.platform.work.BackgroundRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Puts what the platform itself sees into members' timelines: each login ({@code MemberLoggedIn}) as
 * LOGIN and each order ({@code OrderRecorded}) as PURCHASE. Reads its own event channel, so a slow
 * timeline never holds up orders; keyed by the event, so a redelivered event records nothing twice.
 */
@ApplicationScoped
class ActivityFromEvents {

    static final String CHANNEL = "activity-events";
    private static final Logger LOG = Logger.getLogger(ActivityFromEvents.class);

    @Inject
    ActivityIngestion ingestion;

    @Inject
    ObjectMapper json;

    @Incoming(CHANNEL)
    @Blocking
    void onEvent(DomainEvent event) throws JsonProcessingException {
        ObjectNode item = switch (event.type()) {
            case "MemberLoggedIn" -> login(event);
            case "OrderRecorded" -> purchase(event);
            default -> null;
        };
        if (item == null) {
            return;
        }
        item.put("memberId", event.aggregateId());
        item.put("idempotencyKey", "event:" + event.id());
        var result = BackgroundRequest.call(() -> ingestion.ingest(event, ActivitySource.SYSTEM, null, List.of(item))).results().getFirst();
        if (result.status() == ActivityBatchResponse.Status.REJECTED) {
            // An order imported from before the merchant's retention, or a member deleted since: nothing to show.
            LOG.debugf("%s %s of tenant %s not in the timeline: %s", event.type(), event.id(), event.tenantId(), result.reason());
        }
    }

    private ObjectNode login(DomainEvent event) throws JsonProcessingException {
        JsonNode payload = json.readTree(event.payloadJson());
        ObjectNode item = json.createObjectNode();
        item.put("type", "LOGIN");
        item.put("occurredAt", event.createdAt().toString());
        item.put("subject", payload.path("method").asText(null));
        return item;
    }

    private ObjectNode purchase(DomainEvent event) throws JsonProcessingException {
        JsonNode order = json.readTree(event.payloadJson());
        ObjectNode item = json.createObjectNode();
        item.put("type", "PURCHASE");
        item.put("occurredAt", order.path("paidAt").asText(event.createdAt().toString()));
        item.put("subject", order.path("externalId").asText(null));
        ObjectNode attributes = item.putObject("attributes");
        attributes.put("amount", order.path("amount").asLong());
        attributes.put("channel", order.path("channel").asText(null));
        return item;
    }
}
