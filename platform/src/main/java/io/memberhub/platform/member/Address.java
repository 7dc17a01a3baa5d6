package io.memberhub.platform.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A delivery address on a member's profile. */
public record Address(
        @Size(max = 40) String label,
        @Size(max = 60) String recipient,
        @Pattern(regexp = MemberRules.PHONE, message = MemberRules.PHONE_MESSAGE) String phone,
        @Size(max = 120) String region,
        @NotBlank @Size(max = 300) String detail,
        @Size(max = 12) String postalCode,
        boolean isDefault) {
}
