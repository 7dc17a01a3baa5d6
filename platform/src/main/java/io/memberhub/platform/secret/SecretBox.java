package io.memberhub.platform.secret;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals secrets the platform must store (tenant signing keys, integration secrets) with AES-GCM
 * under the master key {@code memberhub.secrets.key} (32 bytes, base64), so a database dump alone
 * reveals none of them. {@code associated} binds a sealed value to its place (e.g. tenant and key
 * id): moved elsewhere it no longer opens.
 */
@ApplicationScoped
public class SecretBox {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "memberhub.secrets.key")
    Optional<String> masterKey;

    public String seal(byte[] secret, String associated) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associated);
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a secret", e);
        }
    }

    public byte[] open(String sealed, String associated) {
        byte[] all = Base64.getDecoder().decode(sealed);
        byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, iv, associated).doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not open with this master key (memberhub.secrets.key changed?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String associated) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(masterKey.orElseThrow(() -> new IllegalStateException(
                "memberhub.secrets.key is not set: give the platform a 32-byte base64 master key for stored secrets")));
        if (key.length != 32) {
            throw new IllegalStateException("memberhub.secrets.key must be 32 bytes (base64), not " + key.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(associated.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher;
    }
}
