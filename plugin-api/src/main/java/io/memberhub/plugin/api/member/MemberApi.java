package io.memberhub.plugin.api.member;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant's live members (deleted ones are not found). Needs {@code members:read}. Private
 * custom fields (e.g. allergies) are never shown to plugins.
 */
@InterfaceStability.Evolving
public interface MemberApi {

    Optional<MemberProfile> find(UUID memberId);

    /** The member with this phone, written as the member gave it (spaces and dashes are ignored). */
    Optional<MemberProfile> findByPhone(String phone);
}
