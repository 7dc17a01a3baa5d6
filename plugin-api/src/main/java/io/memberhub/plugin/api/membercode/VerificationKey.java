package io.memberhub.plugin.api.membercode;

import io.memberhub.plugin.api.InterfaceStability;

/**
 * One of the merchant's public keys.
 *
 * @param kid       the id codes and signed data name
 * @param algorithm {@code Ed25519}
 * @param publicKey the X.509 encoding, base64
 * @param retired   whether new codes are still signed with it (old ones stay checkable)
 */
@InterfaceStability.Evolving
public record VerificationKey(String kid, String algorithm, String publicKey, boolean retired) {
}
