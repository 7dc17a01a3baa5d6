package io.memberhub.platform.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.validator.constraints.URL;

/**
 * A new member. {@code fields} holds values of the merchant's custom fields, by key;
 * {@code referredBy} names the member who brought this one in.
 */
public record CreateMemberRequest(
        @NotBlank @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone,
        @Size(max = 80) String name,
        @Email @Size(max = 254) String email,
        Gender gender,
        @Past LocalDate birthday,
        @URL(regexp = "^https?:.*", message = "must be an http(s) URL") @Size(max = 2048) String avatarUrl,
        @Pattern(regexp = MemberRules.SOURCE, message = MemberRules.SOURCE_MESSAGE) String registrationSource,
        @Size(max = 20) List<@Valid Address> addresses,
        @Size(max = 100) Map<String, String> fields,
        UUID referredBy) {

    CreateMemberRequest normalized() {
        return new CreateMemberRequest(MemberRules.normalizePhone(phone), name == null ? null : name.strip(),
                email == null ? null : email.strip(), gender, birthday, avatarUrl, registrationSource, addresses, fields, referredBy);
    }
}
