package io.memberhub.console.mall;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The platform's points mall as the console reads and sends it (points in whole numbers). */
public final class MallViews {

    private MallViews() {
    }

    public record Reward(UUID id, String kind, String name, String description, String imageUrl, long pointsPrice, Long stock,
                         UUID couponTemplateId, Integer perMemberLimit, Instant availableFrom, Instant availableUntil, Level minLevel,
                         boolean published, List<Prize> prizes, Long totalWeight) {

        public Reward {
            prizes = prizes == null ? List.of() : prizes;
        }

        public boolean lottery() {
            return "LOTTERY".equals(kind);
        }
    }

    public record Level(UUID id, String name, Integer rank) {
    }

    public record Prize(UUID id, String kind, String name, long weight, Long stock, UUID couponTemplateId) {
    }

    /** What the reward form sends; {@code stock} only when creating. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RewardRequest(String kind, String name, String description, String imageUrl, Long pointsPrice, Long stock,
                                UUID couponTemplateId, Integer perMemberLimit, Instant availableFrom, Instant availableUntil,
                                UUID minLevelId, List<PrizeRequest> prizes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrizeRequest(UUID id, String kind, String name, Long weight, Long stock, UUID couponTemplateId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockChange(Long delta, UUID prizeId) {
    }

    public record Won(UUID id, String kind, String name, boolean outOfStock) {
    }

    public record Redemption(UUID id, UUID memberId, UUID rewardId, String kind, String rewardName, int quantity, long points, Won prize,
                             String status, String note, String fulfilmentNote, Instant fulfilledAt, String cancelReason,
                             Instant cancelledAt, Long pointsReturned, Instant createdAt) {

        public boolean placed() {
            return "PLACED".equals(status);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Note(String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String reason) {
    }
}
