package io.memberhub.plugin.api.member;

import io.memberhub.plugin.api.InterfaceStability;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A member as a plugin sees it: the profile without private custom fields.
 *
 * @param gender             {@code MALE}, {@code FEMALE}, {@code OTHER} or {@code UNDISCLOSED}
 * @param registrationSource where the member signed up, e.g. {@code STORE}, {@code MINI_PROGRAM}; may be null
 * @param fields             the merchant's custom fields that are not private, by key
 * @param referredBy         the member who brought this one in, or null
 */
@InterfaceStability.Evolving
public record MemberProfile(UUID id, String phone, String name, String email, String gender, LocalDate birthday,
                            String registrationSource, Map<String, String> fields, UUID referredBy, Instant createdAt) {

    public MemberProfile {
        fields = Map.copyOf(fields);
    }
}
