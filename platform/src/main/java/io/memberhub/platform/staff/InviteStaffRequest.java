package io.memberhub.platform.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Invites a person to the console. If they have no login yet one is created: with
 * {@code initialPassword} when given, else with a generated temporary password they must change.
 */
public record InviteStaffRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "admin|operator", message = "must be admin or operator") String role,
        @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String initialPassword) {

    @Override
    public String toString() {
        return "InviteStaffRequest[email=" + email + ", role=" + role + "]";
    }
}
