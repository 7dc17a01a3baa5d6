package io.memberhub.platform.campaign;

/**
 * What one run of a campaign did; during quiet hours it waits and does nothing. {@code heldOut}: members
 * of an experiment's control arm, recorded but sent nothing.
 */
public record RunResponse(boolean quietHoursNow, int sent, int skipped, int messagesFailed, int heldOut) {
}
