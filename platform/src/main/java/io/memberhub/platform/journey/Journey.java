package io.memberhub.platform.journey;

import io.memberhub.platform.campaign.CampaignRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A stored journey as the runner needs it. */
record Journey(UUID id, String name, JourneyRequest.Trigger trigger, UUID tagId, String eventType, Set<JourneyRequest.Exit> exitWhen,
               List<Step> steps, String status, Instant activatedAt, Instant createdAt, Instant updatedAt) {

    record Step(int position, String name, Duration delay, JourneyRequest.Condition condition, JourneyRequest.IfUnmet ifUnmet,
                UUID couponTemplateId, Long points, CampaignRequest.Channel channel, String text, String pluginChannel) {

        boolean messages() {
            return channel != null;
        }

        JourneyRequest.Step toRequest() {
            return new JourneyRequest.Step(name, iso(delay), condition, ifUnmet, couponTemplateId, points, channel == null ? null : new CampaignRequest.Message(channel, text, pluginChannel));
        }
    }

    /** A wait as the merchant writes it: days, then hours and minutes (P3D, PT12H, P1DT6H, PT0M). */
    static String iso(Duration wait) {
        long days = wait.toDays();
        long hours = wait.toHoursPart();
        long minutes = wait.toMinutesPart();
        String time = (hours > 0 ? hours + "H" : "") + (minutes > 0 ? minutes + "M" : "");
        if (days == 0 && time.isEmpty()) {
            return "PT0M";
        }
        return "P" + (days > 0 ? days + "D" : "") + (time.isEmpty() ? "" : "T" + time);
    }

    /** Parses what {@link #iso} writes (the request's pattern admits nothing else). */
    static Duration parse(String wait) {
        return wait == null ? Duration.ZERO : Duration.parse(wait);
    }

    boolean exitsOn(JourneyRequest.Exit exit) {
        return exitWhen.contains(exit);
    }

    JourneyResponse toResponse() {
        return new JourneyResponse(id, name, new JourneyRequest.Entry(trigger, tagId, eventType), exitWhen,
                steps.stream().map(Step::toRequest).toList(), status, activatedAt, createdAt, updatedAt);
    }
}
