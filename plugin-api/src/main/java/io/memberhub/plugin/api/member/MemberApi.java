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

    /**
     * The member's id at one of this plugin's own login providers (the openid WeChat gave the
     * provider {@code wechat}), if the member linked that identity: what a plugin needs to reach the
     * member on that service. Identities other plugins' providers made are never shown. Since
     * plugin-api 1.3.0.
     */
    Optional<String> identity(UUID memberId, String provider);
}
