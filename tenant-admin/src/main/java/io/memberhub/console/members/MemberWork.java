package io.memberhub.console.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberhub.console.platform.MemberViews;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The parts of the platform's answers the member screens read beyond {@link MemberViews} (unknown properties are ignored). */
public final class MemberWork {

    private MemberWork() {
    }

    /** A member as the edit form needs it, with the version the platform checks an edit against. */
    public record Editable(java.util.UUID id, String phone, String name, String email, String gender, LocalDate birthday,
                           Map<String, String> fields, long version) {

        public Editable {
            fields = fields == null ? Map.of() : fields;
        }
    }

    /** A custom field the merchant defined: TEXT, SINGLE_CHOICE, DATE, IMAGE or a module's type. */
    public record FieldDefinition(String key, String label, String type, boolean required, List<String> options,
                                  @com.fasterxml.jackson.annotation.JsonProperty("private") boolean privateField) {

        public FieldDefinition {
            options = options == null ? List.of() : options;
        }

        public String shown() {
            return label == null || label.isBlank() ? key : label;
        }
    }

    /** One move of the member's level, and why: the rule and the facts each threshold saw. */
    public record LevelChange(String kind, MemberViews.LevelRef from, MemberViews.LevelRef to, String trigger, Explanation explanation,
                              Instant createdAt) {
    }

    public record Explanation(String rule, List<Check> checks) {

        public Explanation {
            checks = checks == null ? List.of() : checks;
        }
    }

    public record Check(String metric, long required, Long actual, boolean met) {

        /** Counted in money (fen), so shown in yuan. */
        public boolean money() {
            return "SPEND".equals(metric) || "TOP_UP_AMOUNT".equals(metric);
        }

        public long actualOrZero() {
            return actual == null ? 0 : actual;
        }
    }

    /** A stored-value ledger line in fen; {@code note} is a staff member's reason on a manual line. */
    public record WalletEntry(long delta, String kind, String note, Instant createdAt) {
    }

    public record Wallet(long balance, List<WalletEntry> recent) {

        public Wallet {
            recent = recent == null ? List.of() : recent;
        }
    }

    /** A points ledger line with the staff member's reason on a manual one. */
    public record PointsEntry(long delta, String reason, String note, Instant createdAt) {
    }

    public record Points(long balance, long expiringWithin30Days, List<PointsEntry> recent) {

        public Points {
            recent = recent == null ? List.of() : recent;
        }
    }

    public record Activity(String type, Instant occurredAt, String subject, JsonNode attributes, String source) {
    }

    /** A page of the timeline, newest first; {@code next} is the {@code before} of the following page. */
    public record Timeline(List<Activity> items, String next) {

        public Timeline {
            items = items == null ? List.of() : items;
        }

        /** The query string of the portrait showing the following page. */
        public String nextQuery() {
            return next == null ? "" : "before=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public record Segment(java.util.UUID id, String name, long members) {
    }
}
