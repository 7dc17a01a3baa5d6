package io.memberhub.platform.market;

import io.memberhub.platform.problem.ProblemException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upload's integrity and origin: a {@code Content-Digest} (RFC 9530, sha-256) the bytes must
 * match, and a detached Ed25519 signature over those bytes by a key the developer registered.
 */
final class PackageSignature {

    static final String KEY_HEADER = "X-MemberHub-Key-Id";
    static final String SIGNATURE_HEADER = "X-MemberHub-Signature";
    static final String DIGEST_HEADER = "Content-Digest";

    private static final Pattern SHA256_DIGEST = Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]+):");

    private PackageSignature() {
    }

    /** The package's SHA-256 (hex), after checking it against the declared digest. */
    static String checkDigest(byte[] bytes, String contentDigest) {
        byte[] actual = sha256(bytes);
        if (contentDigest == null || contentDigest.isBlank()) {
            throw ProblemException.badRequest("DIGEST_MISSING", "Send the package's SHA-256 as " + DIGEST_HEADER + ": sha-256=:<base64>:");
        }
        Matcher m = SHA256_DIGEST.matcher(contentDigest);
        if (!m.find()) {
            throw ProblemException.badRequest("DIGEST_MISSING", DIGEST_HEADER + " must carry sha-256=:<base64>:");
        }
        byte[] declared;
        try {
            declared = Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("DIGEST_MISSING", DIGEST_HEADER + "'s sha-256 value is not base64");
        }
        if (!MessageDigest.isEqual(actual, declared)) {
            throw ProblemException.unprocessable("CHECKSUM_MISMATCH",
                    "The package's SHA-256 does not match " + DIGEST_HEADER + ": it was changed or cut short on the way; upload it again");
        }
        return HexFormat.of().formatHex(actual);
    }

    static boolean verifies(byte[] publicKey, byte[] bytes, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(ed25519(publicKey));
            verifier.update(bytes);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** An Ed25519 public key from its X.509 (SubjectPublicKeyInfo) DER encoding. */
    static PublicKey ed25519(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
