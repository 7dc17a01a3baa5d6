package io.memberhub.platform.access;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * May this member enter this zone now?
 *
 * @param zone       the merchant's name of the zone, e.g. {@code locker-room}
 * @param failClosed true for a zone that must stay shut when a policy cannot answer (a paid area);
 *                   false or absent for one that opens (an entrance). The gate is set up per zone by
 *                   the merchant, so it says which kind it guards.
 */
public record AccessDecisionRequest(@NotNull UUID memberId,
                                    @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                                            message = "must be 1-64 letters, digits, '.', '_' or '-'") String zone,
                                    Boolean failClosed) {
}
