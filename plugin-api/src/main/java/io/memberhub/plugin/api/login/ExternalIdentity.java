package io.memberhub.plugin.api.login;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * Who a third-party login says the person is: the provider's stable id for them (e.g. a WeChat
 * unionid or openid) and, when the provider shares them, a phone number and a display name.
 */
@InterfaceStability.Evolving
public record ExternalIdentity(String provider, String subject, String phone, String displayName) {
}
