package io.memberhub.platform.tag;

import java.time.Instant;
import java.util.UUID;

/** A tag a member carries, and since when. */
public record MemberTagResponse(UUID id, String name, String kind, Instant taggedAt) {
}
