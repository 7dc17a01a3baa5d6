package io.memberhub.gateclient;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The merchant's public Ed25519 keys by key id, as {@code GET /allow-list} hands them to the gate. */
public final class Keys {

    private final Map<String, PublicKey> byKid = new HashMap<>();

    /** @param keys entries with {@code kid}, {@code algorithm} ({@code Ed25519}) and {@code publicKey} (X.509, base64) */
    public Keys(List<Map<String, Object>> keys) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            for (Map<String, Object> key : keys) {
                if ("Ed25519".equals(key.get("algorithm"))) {
                    byKid.put((String) key.get("kid"), factory.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode((String) key.get("publicKey")))));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The merchant's keys cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is the key {@code kid}'s over {@code signed}; false for an unknown key. */
    public boolean verify(String kid, byte[] signed, byte[] signature) {
        PublicKey key = byKid.get(kid);
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
