package io.memberhub.console.developer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A package and its developer's detached Ed25519 signature as the upload form hands them in: the
 * signature typed as base64 or given as a file (base64 text, or the raw 64 bytes {@code openssl
 * pkeyutl -sign} writes without {@code | base64}).
 */
record SignedPackage(byte[] bytes, String signature) {

    private static final int ED25519_SIGNATURE_BYTES = 64;

    static SignedPackage of(byte[] pack, String typedSignature, byte[] signatureFile) {
        String signature = typedSignature == null ? "" : typedSignature.replaceAll("\\s", "");
        if (signature.isEmpty() && signatureFile.length > 0) {
            signature = signatureFile.length == ED25519_SIGNATURE_BYTES && !isBase64Text(signatureFile)
                    ? Base64.getEncoder().encodeToString(signatureFile)
                    : new String(signatureFile, StandardCharsets.US_ASCII).replaceAll("\\s", "");
        }
        return new SignedPackage(pack, signature.isEmpty() ? null : signature);
    }

    /** RFC 9530's {@code Content-Digest}: the bytes reached the console whole; the platform checks they reach it so too. */
    String contentDigest() {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static boolean isBase64Text(byte[] file) {
        for (byte b : file) {
            boolean base64 = b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/' || b == '='
                    || b == '\n' || b == '\r';
            if (!base64) {
                return false;
            }
        }
        return true;
    }
}
