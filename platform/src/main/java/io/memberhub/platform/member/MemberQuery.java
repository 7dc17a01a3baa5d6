package io.memberhub.platform.member;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member search: free text {@code q} (phone prefix or part of the name), exact filters, custom
 * field values, tags the members must all carry and tags they must not carry, levels they may be
 * at (any of), lifecycle stages and RFM scores they may have ({@code lifecycle}), optionally only
 * among some members ({@code among}), and a page.
 */
public record MemberQuery(String q, String phone, String name, Gender gender, String source,
                          Map<String, String> fields, List<UUID> tags, List<UUID> withoutTags, List<UUID> levels,
                          List<UUID> among, int page, int size, SortKey sort, boolean descending, Lifecycle lifecycle) {

    public MemberQuery {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        tags = tags == null ? List.of() : List.copyOf(tags);
        withoutTags = withoutTags == null ? List.of() : List.copyOf(withoutTags);
        levels = levels == null ? List.of() : List.copyOf(levels);
        among = among == null ? null : List.copyOf(among);
        lifecycle = lifecycle == null ? Lifecycle.ANY : lifecycle;
    }

    public MemberQuery(String q, String phone, String name, Gender gender, String source,
                       Map<String, String> fields, List<UUID> tags, List<UUID> withoutTags, List<UUID> levels,
                       List<UUID> among, int page, int size, SortKey sort, boolean descending) {
        this(q, phone, name, gender, source, fields, tags, withoutTags, levels, among, page, size, sort, descending, Lifecycle.ANY);
    }

    /**
     * Lifecycle conditions: the member's stage is any of {@code stages}, and each RFM score is any of
     * the values listed for it (scored members only); an empty list allows anything.
     */
    public record Lifecycle(List<String> stages, List<Integer> recency, List<Integer> frequency, List<Integer> monetary) {

        public static final Lifecycle ANY = new Lifecycle(null, null, null, null);

        public Lifecycle {
            stages = stages == null ? List.of() : List.copyOf(stages);
            recency = recency == null ? List.of() : List.copyOf(recency);
            frequency = frequency == null ? List.of() : List.copyOf(frequency);
            monetary = monetary == null ? List.of() : List.copyOf(monetary);
        }

        boolean any() {
            return stages.isEmpty() && recency.isEmpty() && frequency.isEmpty() && monetary.isEmpty();
        }
    }

    public static final int MAX_PAGE_SIZE = 200;

    /** The orderings offered; each maps to an indexed or cheap column. */
    public enum SortKey {
        createdAt("created_at"), name("lower(name)"), phone("phone"), birthday("birthday");

        final String column;

        SortKey(String column) {
            this.column = column;
        }
    }
}
