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

    /**
     * {@code kind} MANUAL or RULE; a rule stays JSON, so an edit never reshapes it. {@code evaluating}: the
     * evaluation of every member that waits or runs in the background (a merchant of more than 100 000
     * members), while {@code members} is still moving.
     */
    public record Tag(UUID id, String name, String description, String kind, JsonNode rule, long members, Evaluation evaluating) {

        public Tag {
            rule = rule == null || rule.isNull() ? null : rule;
        }

        public String ruleText() {
            return rule == null ? "" : rule.toPrettyString();
        }
    }

    /** A rule tag's evaluation in the background: QUEUED, or RUNNING with {@code processed} of {@code total} members done. */
    public record Evaluation(String status, int processed, Integer total) {
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
                       String messageError, Instant createdAt, String arm) {
    }

    public record Recipient(UUID memberId, String occasion, String outcome) {
    }

    public record DryRun(boolean quietHoursNow, int wouldSend, int wouldSkip, List<Recipient> recipients) {
    }

    public record Run(boolean quietHoursNow, int sent, int skipped, int messagesFailed, int heldOut) {
    }

    /** Quiet hours ({@code HH:mm}) and the cap: at most {@code maxSends} messages per {@code perDays} days a member. */
    public record Settings(String quietStart, String quietEnd, Integer maxSends, Integer perDays) {
    }

    /** An A/B test arm: a weight in percent, the control group (held out) or a variant of the campaign's coupon, points or text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Arm(String name, Integer weight, boolean control, UUID couponTemplateId, Long points, String text) {
    }

    public record ExperimentRequest(Integer conversionDays, List<Arm> arms) {
    }

    /** {@code status} RUNNING or ENDED. */
    public record Experiment(UUID id, UUID campaignId, int conversionDays, String status, List<Arm> arms, Instant createdAt, Instant endedAt) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** One arm's conversion; rates and the difference to the baseline (with its 95% interval) as fractions. */
    public record ArmResult(String arm, boolean control, int weight, long members, long converted, long orders, long orderAmount,
                            java.math.BigDecimal conversionRate, java.math.BigDecimal difference, java.math.BigDecimal differenceLow,
                            java.math.BigDecimal differenceHigh, Boolean significant) {

        public String percent(java.math.BigDecimal fraction) {
            return fraction == null ? "—" : fraction.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    public record ExperimentReport(UUID experimentId, int conversionDays, String baseline, List<ArmResult> arms) {
    }

    public record JourneyEntry(String trigger, UUID tagId, String eventType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JourneyStep(String name, String delay, String condition, String ifUnmet, UUID couponTemplateId, Long points, Message message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JourneyRequest(String name, JourneyEntry entry, List<String> exitWhen, List<JourneyStep> steps) {
    }

    /** {@code status} DRAFT, ACTIVE or PAUSED. */
    public record Journey(UUID id, String name, JourneyEntry entry, List<String> exitWhen, List<JourneyStep> steps, String status,
                          Instant activatedAt, Instant createdAt) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record StepCount(int position, String name, long reached, long skipped, long waiting) {
    }

    public record Funnel(UUID journeyId, long entered, long active, long completed, long exited, Map<String, Long> exitReasons,
                         List<StepCount> steps) {
    }

    public record JourneyRun(boolean quietHoursNow, int entered, int reached, int skipped, int completed, int exited, int messagesFailed) {
    }
}
