package io.memberhub.platform.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A member as the API shows it; private field values are masked for roles that may not see them. */
public record MemberResponse(UUID id, String phone, String name, String email, Gender gender, LocalDate birthday, String avatarUrl,
                             String registrationSource, List<Address> addresses, Map<String, String> fields,
                             UUID referredBy, Instant referredAt, Instant createdAt, Instant updatedAt, long version) {
}
