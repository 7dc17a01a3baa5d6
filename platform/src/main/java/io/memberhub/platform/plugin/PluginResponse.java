package io.memberhub.platform.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An installed plugin as one merchant sees it. Description, requirement and configuration keys are
 * those of the version the merchant enabled, or of the newest when it enabled none.
 *
 * @param version         the newest installed version
 * @param versions        every installed version, newest first
 * @param enabledVersion  the version the merchant enabled (kept while disabled, for enabling again); null if never enabled
 * @param status          {@code DISABLED} (never enabled or turned off), {@code ENABLED} or {@code SUSPENDED}
 *                        (enabled, but failed {@code consecutiveFailures} times in a row: it is not called until enabled again)
 * @param config          the merchant's configuration; shown to owners and admins only (it may hold secrets)
 * @param calls           calls into the plugin for this merchant since this platform instance started
 */
public record PluginResponse(String id, String version, List<String> versions, String enabledVersion, String description, String requires,
                             Set<String> configRequired, Set<String> configOptional, String status, Map<String, String> config,
                             int consecutiveFailures, Instant suspendedAt, String suspendedReason, Calls calls) {

    /** How many calls, how many failed with an error or a bad answer, how many ran out of time. */
    public record Calls(long total, long failures, long timeouts) {
    }
}
