package io.memberhub.plugin.api.login;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * Who a third-party login says the person is: the provider's stable id for them (e.g. a WeChat
 * openid) and, when the provider shares them, a phone number, a display name and an id that is the
 * same across the merchant's apps with that service (a WeChat or QQ unionid).
 *
 * @param unionId the person's id across the merchant's apps of the service, or null; the platform
 *                links the identities of one plugin that carry the same union id to the same member
 *                (a member who signed in on the website with {@code wechat} is found when they open
 *                the mini-program, {@code wechat-mini}). Since plugin-api 1.2.0.
 */
@InterfaceStability.Evolving
public record ExternalIdentity(String provider, String subject, String phone, String displayName, String unionId) {

    /** An identity without a union id, as plugins built against plugin-api 1.1.0 make it. */
    public ExternalIdentity(String provider, String subject, String phone, String displayName) {
        this(provider, subject, phone, displayName, null);
    }
}
