package io.memberhub.platform.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityTypeResponse(String name, String description, boolean builtIn, Instant createdAt) {
}
