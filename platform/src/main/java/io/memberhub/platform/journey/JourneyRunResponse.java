package io.memberhub.platform.journey;

/** What one run of a journey did; during quiet hours members enter but no step is taken. */
public record JourneyRunResponse(boolean quietHoursNow, int entered, int reached, int skipped, int completed, int exited, int messagesFailed) {
}
