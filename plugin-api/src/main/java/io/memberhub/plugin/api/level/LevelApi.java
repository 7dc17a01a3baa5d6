package io.memberhub.plugin.api.level;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The merchant's level ladder and where members stand on it. Needs {@code levels:read}. */
@InterfaceStability.Evolving
public interface LevelApi {

    /** The merchant's levels, lowest rank first. */
    List<LevelInfo> levels();

    /** Where the member stands now; empty when the merchant has no such live member. */
    Optional<MemberLevel> of(UUID memberId);

    /**
     * Every live member with where they stand, a page at a time in member-id order: the members after
     * {@code after} (null for the first page), at most {@code limit} (1-1000). For a plugin that hands
     * a device the list of who may enter while it is offline. Needs {@code levels:list}. Since
     * plugin-api 1.2.0.
     */
    List<MemberLevel> members(UUID after, int limit);
}
