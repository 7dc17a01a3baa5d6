package io.memberhub.console.platform;

import java.time.Instant;
import java.util.UUID;

/** A staff account as the platform's API describes it; {@code role} is owner, admin or operator. */
public record StaffAccount(UUID id, String userId, String email, String role, Instant createdAt) {

    public boolean managesStaff() {
        return "owner".equals(role) || "admin".equals(role);
    }
}
