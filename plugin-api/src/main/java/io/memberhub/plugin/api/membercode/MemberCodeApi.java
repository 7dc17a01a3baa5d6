package io.memberhub.plugin.api.membercode;

import io.memberhub.plugin.api.InterfaceStability;
import java.util.List;

/**
 * Members' rotating codes (the QR code in the member's app, signed by the merchant's key) and the
 * merchant's signature on a plugin's own data, for devices that decide offline (a gate's allow-list).
 * {@link #verify} and {@link #keys} need {@code member-codes:verify}; {@link #sign} needs
 * {@code data:sign}. Since plugin-api 1.1.0.
 */
@InterfaceStability.Evolving
public interface MemberCodeApi {

    /**
     * The member a code stands for, checked now: signature, merchant, expiry, member still live.
     * Refused with {@code MEMBER_CODE_INVALID} (forged, damaged, another merchant's) or
     * {@code MEMBER_CODE_EXPIRED}.
     */
    VerifiedCode verify(String code);

    /** The merchant's public keys (newest first, retired ones too) a device checks codes and signed data with. */
    List<VerificationKey> keys();

    /**
     * Signs {@code content} (at most 4 MiB of text) with the merchant's key. The answer is
     * {@code MHDATA1.<kid>.<pluginId>.<content, base64url>.<Ed25519 signature, base64url>}, the
     * signature over everything before its last dot; the prefix keeps it from ever passing as a member
     * code, the plugin id from passing as another plugin's data.
     */
    String sign(String content);
}
