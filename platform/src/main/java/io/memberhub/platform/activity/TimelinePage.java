package io.memberhub.platform.activity;

import java.util.List;

/** A page of a member's timeline, newest first; {@code next} (absent on the last page) is the {@code before} of the next page. */
public record TimelinePage(List<ActivityEntry> items, String next) {
}
