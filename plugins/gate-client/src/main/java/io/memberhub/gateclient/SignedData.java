package io.memberhub.gateclient;

import io.memberhub.plugins.kit.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A plugin's data signed with the merchant's key, {@code MHDATA1.<kid>.<pluginId>.<content>.<signature>}
 * (base64url; the signature over everything before the last dot): a gate's allow-list, a scanner's
 * offline cache. Nothing in it is believed before the signature checks out.
 */
public final class SignedData {

    private static final String PREFIX = "MHDATA1.";

    private SignedData() {
    }

    /**
     * The content (a JSON object) if the merchant's key signed it for {@code pluginId}; IllegalArgumentException
     * naming {@code what} otherwise.
     */
    public static Map<String, Object> verified(String signed, Keys keys, String pluginId, String what) {
        if (signed == null || !signed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not signed data of the platform");
        }
        int lastDot = signed.lastIndexOf('.');
        String[] parts = signed.substring(PREFIX.length(), lastDot).split("\\.");
        if (parts.length != 3 || !parts[1].equals(pluginId)) {
            throw new IllegalArgumentException("Not " + what + " of " + pluginId);
        }
        byte[] signature = Base64.getUrlDecoder().decode(signed.substring(lastDot + 1));
        if (!keys.verify(parts[0], signed.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new IllegalArgumentException("The signature on " + what + " is not the merchant's");
        }
        return Json.object(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8));
    }
}
