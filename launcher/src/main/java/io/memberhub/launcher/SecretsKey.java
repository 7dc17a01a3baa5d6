package io.memberhub.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The platform's master key for secrets it stores (tenant signing keys, integration secrets): 32
 * random bytes, base64. The run command keeps one under its home so stored secrets stay readable
 * across restarts; {@code MEMBERHUB_SECRETS_KEY} supplies one from outside; tests use a fresh one.
 */
final class SecretsKey {

    private SecretsKey() {
    }

    static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String forRun(Path home) throws IOException {
        String given = Env.get("MEMBERHUB_SECRETS_KEY");
        if (given != null) {
            return given;
        }
        Path file = home.resolve("secrets.key");
        if (!Files.exists(file)) {
            Files.createDirectories(home);
            Files.writeString(file, random());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the file keeps the directory's protection.
            }
        }
        return Files.readString(file).strip();
    }
}
