package io.memberhub.platform.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.validator.constraints.URL;

/**
 * A partial update: attributes left out (or null) stay as they are; {@code addresses}, when given,
 * replaces the list; in {@code fields} a null or empty value removes that field's value.
 * {@code version}, when given, must match the member's current version (optimistic locking).
 * {@code referredBy} can be set once, while the member has no referrer yet; a blank email removes it.
 */
public record UpdateMemberRequest(
        @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone,
        @Size(max = 80) String name,
        @Email @Size(max = 254) String email,
        Gender gender,
        @Past LocalDate birthday,
        @URL(regexp = "^https?:.*", message = "must be an http(s) URL") @Size(max = 2048) String avatarUrl,
        @Size(max = 20) List<@Valid Address> addresses,
        @Size(max = 100) Map<String, String> fields,
        Long version,
        UUID referredBy) {
}
