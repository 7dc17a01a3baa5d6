package io.memberhub.platform.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Where to send which events; no event types means all of them. */
public record WebhookRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 50) List<@NotBlank String> eventTypes) {
}
