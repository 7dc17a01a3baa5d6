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
}
