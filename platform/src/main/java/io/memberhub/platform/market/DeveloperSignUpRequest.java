package io.memberhub.platform.market;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A plugin developer registering with the market: a name shown on their modules and a login. */
public record DeveloperSignUpRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password) {

    @Override
    public String toString() {
        return "DeveloperSignUpRequest[name=" + name + ", email=" + email + ", password=***]";
    }
}
