package io.memberhub.platform.market;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An Ed25519 public key to sign packages with: PEM ({@code -----BEGIN PUBLIC KEY-----}, as
 * {@code openssl pkey -pubout} writes it) or the base64 of its DER encoding.
 */
public record RegisterKeyRequest(@NotBlank @Size(max = 2000) String publicKey, @Size(max = 80) String label) {
}
