package io.memberhub.platform.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record ChangeRoleRequest(@NotBlank @Pattern(regexp = "admin|operator", message = "must be admin or operator") String role) {
}
