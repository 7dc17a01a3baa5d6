package io.memberhub.platform.tenant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merchant signing up: the shop, its URL-safe slug and the owner's login. */
public record SignUpRequest(
        @NotBlank @Size(max = 120) String merchantName,
        @NotBlank
        @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])", message = "must be 3-40 lowercase letters, digits or inner dashes")
        String slug,
        @NotBlank @Email @Size(max = 254) String ownerEmail,
        @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String ownerPassword) {

    @Override
    public String toString() {
        return "SignUpRequest[merchantName=" + merchantName + ", slug=" + slug + ", ownerEmail=" + ownerEmail + ", ownerPassword=***]";
    }
}
