package io.memberhub.console.marketing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tags, segments, campaigns and their results as the console reads and sends them (money in fen). */
public final class MarketingViews {

    private MarketingViews() {
    }

    /** {@code kind} MANUAL or RULE; a rule stays JSON, so an edit never reshapes it. */
    public record Tag(UUID id, String name, String description, String kind, JsonNode rule, long members) {

        public Tag {
            rule = rule == null || rule.isNull() ? null : rule;
        }

        public String ruleText() {
            return rule == null ? "" : rule.toPrettyString();
        }
    }

    /** Members carrying every {@code tags}, none of {@code withoutTags}, at any of {@code levels}, with the attributes given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(List<UUID> tags, List<UUID> withoutTags, List<UUID> levels, String gender, String source, Map<String, String> fields,
                         List<String> stages, List<Integer> recencyScores, List<Integer> frequencyScores, List<Integer> monetaryScores) {

        public Filter {
            tags = tags == null ? List.of() : tags;
            withoutTags = withoutTags == null ? List.of() : withoutTags;
            levels = levels == null ? List.of() : levels;
            fields = fields == null ? Map.of() : fields;
            stages = stages == null ? List.of() : stages;
            recencyScores = recencyScores == null ? List.of() : recencyScores;
            frequencyScores = frequencyScores == null ? List.of() : frequencyScores;
            monetaryScores = monetaryScores == null ? List.of() : monetaryScores;
        }
    }

    public record Segment(UUID id, String name, String description, Filter filter, long members) {
    }

    public record SegmentRequest(String name, String description, Filter filter) {
    }

    public record Message(String channel, String text, String pluginChannel) {
    }

    /** The occasion ({@code trigger}, {@code days}), the audience (a segment, or everyone) and what it gives or says. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CampaignRequest(String name, String trigger, Integer days, UUID levelId, UUID segmentId, UUID couponTemplateId,
                                  Long points, Message message, Integer effectDays, String stage) {
    }

    /** {@code status} ACTIVE or PAUSED. */
    public record Campaign(UUID id, String name, String trigger, int days, UUID levelId, UUID segmentId, UUID couponTemplateId,
                           Long points, Message message, int effectDays, String status, Instant createdAt, String stage) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** What a campaign achieved; {@code orderAmount} in fen. */
    public record Effect(long reached, long skipped, long couponsIssued, long couponsRedeemed, long buyers, long orders,
                         long orderAmount, int effectDays) {
    }

    /** One member reached or passed over: {@code outcome} SENT, SKIPPED_CAP or SKIPPED_OPTED_OUT; {@code messageStatus} PENDING, SENT or FAILED. */
    public record Send(UUID id, UUID memberId, String occasion, String outcome, UUID couponId, Long points, String messageStatus,
                       String messageError, Instant createdAt) {
    }

    public record Recipient(UUID memberId, String occasion, String outcome) {
    }

    public record DryRun(boolean quietHoursNow, int wouldSend, int wouldSkip, List<Recipient> recipients) {
    }

    public record Run(boolean quietHoursNow, int sent, int skipped, int messagesFailed) {
    }

    /** Quiet hours ({@code HH:mm}) and the cap: at most {@code maxSends} messages per {@code perDays} days a member. */
    public record Settings(String quietStart, String quietEnd, Integer maxSends, Integer perDays) {
    }
}
