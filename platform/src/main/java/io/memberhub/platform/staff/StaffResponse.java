package io.memberhub.platform.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A staff account; {@code temporaryPassword} appears once, in the answer to an invitation that created a login. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffResponse(UUID id, String userId, String email, String role, Instant createdAt, String temporaryPassword) {

    StaffResponse withTemporaryPassword(String password) {
        return new StaffResponse(id, userId, email, role, createdAt, password);
    }
}
