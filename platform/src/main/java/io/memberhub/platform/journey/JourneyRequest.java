package io.memberhub.platform.journey;

import io.memberhub.platform.campaign.CampaignRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A journey: how members enter it, when they leave it early, and its steps in order. Each step waits
 * {@code delay} (ISO-8601, e.g. {@code P3D}, {@code PT12H}) after the previous one (the first after
 * entry), then checks its condition and acts: a coupon, points and/or a message, as a campaign does.
 */
public record JourneyRequest(@NotBlank @Size(max = 80) String name,
                             @NotNull @Valid Entry entry,
                             Set<@NotNull Exit> exitWhen,
                             @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Step> steps) {

    /** REGISTERED: members registered since activation; TAG_ADDED: given {@code tagId}; EVENT: an event of {@code eventType} about a member. */
    public record Entry(@NotNull Trigger trigger, UUID tagId,
                        @Pattern(regexp = "[A-Z][A-Za-z0-9]{1,59}", message = "must be an event type such as OrderRecorded") String eventType) {
    }

    public enum Trigger { REGISTERED, TAG_ADDED, EVENT }

    /** ORDERED: placed an order since entering; OPTED_OUT: opted out of marketing; TAG_REMOVED: lost the entry tag. */
    public enum Exit { ORDERED, OPTED_OUT, TAG_REMOVED }

    public enum Condition { ALWAYS, COUPON_UNUSED, HAS_ORDERED, NOT_ORDERED }

    /** What a due step does when its condition does not hold: SKIP to the next step, WAIT until it holds, or EXIT the journey. */
    public enum IfUnmet { SKIP, WAIT, EXIT }

    public record Step(@NotBlank @Size(max = 80) String name,
                       @Pattern(regexp = "P(?!$)(\\d{1,3}D)?(T(?=\\d)(\\d{1,4}H)?(\\d{1,6}M)?)?", message = "must be an ISO-8601 duration in days, "
                               + "hours and minutes, such as P3D, PT12H or P1DT6H") String delay,
                       Condition condition,
                       IfUnmet ifUnmet,
                       UUID couponTemplateId,
                       @Positive Long points,
                       @Valid CampaignRequest.Message message) {
    }
}
