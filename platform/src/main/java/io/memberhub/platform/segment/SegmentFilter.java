package io.memberhub.platform.segment;

import io.memberhub.platform.member.Gender;
import io.memberhub.platform.member.MemberQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who belongs to a segment: members carrying every tag of {@code tags} and none of
 * {@code withoutTags}, at any of {@code levels} (any level when empty), and matching the
 * attributes given. Evaluated live, so a segment is always as current as its tags.
 */
public record SegmentFilter(List<UUID> tags, List<UUID> withoutTags, List<UUID> levels, Gender gender, String source,
                            Map<String, String> fields) {

    public SegmentFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
        withoutTags = withoutTags == null ? List.of() : List.copyOf(withoutTags);
        levels = levels == null ? List.of() : List.copyOf(levels);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    MemberQuery page(int page, int size) {
        return among(null, page, size);
    }

    /** The segment's members among {@code candidates} (all members when null). */
    public MemberQuery among(List<UUID> candidates, int page, int size) {
        return new MemberQuery(null, null, null, gender, source, fields, tags, withoutTags, levels, candidates, page, size,
                MemberQuery.SortKey.createdAt, true);
    }
}
