package io.memberhub.platform.segment;

import io.memberhub.platform.lifecycle.LifecycleStage;
import io.memberhub.platform.member.Gender;
import io.memberhub.platform.member.MemberQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who belongs to a segment: members carrying every tag of {@code tags} and none of
 * {@code withoutTags}, at any of {@code levels} (any level when empty), and matching the
 * attributes given, in any of {@code stages} (any stage when empty) and with RFM scores among those
 * listed per dimension ({@code recencyScores}, {@code frequencyScores}, {@code monetaryScores}, 1 to 5;
 * anything when empty). Evaluated live, so a segment is always as current as its tags, stages and scores.
 */
public record SegmentFilter(List<UUID> tags, List<UUID> withoutTags, List<UUID> levels, Gender gender, String source,
                            Map<String, String> fields, List<LifecycleStage> stages, List<Integer> recencyScores,
                            List<Integer> frequencyScores, List<Integer> monetaryScores) {

    public SegmentFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
        withoutTags = withoutTags == null ? List.of() : List.copyOf(withoutTags);
        levels = levels == null ? List.of() : List.copyOf(levels);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        stages = stages == null ? List.of() : List.copyOf(stages);
        recencyScores = recencyScores == null ? List.of() : List.copyOf(recencyScores);
        frequencyScores = frequencyScores == null ? List.of() : List.copyOf(frequencyScores);
        monetaryScores = monetaryScores == null ? List.of() : List.copyOf(monetaryScores);
    }

    MemberQuery page(int page, int size) {
        return among(null, page, size);
    }

    /** The segment's members among {@code candidates} (all members when null). */
    public MemberQuery among(List<UUID> candidates, int page, int size) {
        return new MemberQuery(null, null, null, gender, source, fields, tags, withoutTags, levels, candidates, page, size,
                MemberQuery.SortKey.createdAt, true, new MemberQuery.Lifecycle(stages.stream().map(Enum::name).toList(),
                recencyScores, frequencyScores, monetaryScores));
    }
}
