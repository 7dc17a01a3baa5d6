package io.memberhub.console.developer;

import java.time.Instant;
import java.util.List;

/** The market's developer side as the console reads it (unknown properties are ignored). */
public final class DeveloperViews {

    private DeveloperViews() {
    }

    public record Profile(String name, String email) {
    }

    public record Key(String id, String label, Instant createdAt, Instant revokedAt) {

        public boolean isRevoked() {
            return revokedAt != null;
        }
    }

    public record NewKey(String publicKey, String label) {
    }

    /** A module of the developer's with every version, newest information first as the platform lists it. */
    public record Module(String id, String name, String category, String latestVersion, List<Version> versions) {

        public Module {
            versions = versions == null ? List.of() : versions;
        }

        /** How many merchants run any version of it. */
        public long installs() {
            return versions.stream().mapToLong(Version::installs).sum();
        }
    }

    /**
     * A version as its developer or a reviewer sees it.
     *
     * @param merchants how many merchants enabled it (its developer only)
     * @param developer who uploaded it (reviewers only)
     */
    public record Version(String moduleId, String version, String name, String description, String category, String requires,
                          List<String> permissions, List<Setting> config, long priceMinor, String sha256, long sizeBytes, String keyId,
                          String status, Instant submittedAt, Instant reviewedAt, String reviewNote, Long merchants, String developer,
                          String developerEmail) {

        public Version {
            permissions = permissions == null ? List.of() : permissions;
            config = config == null ? List.of() : config;
        }

        public long installs() {
            return merchants == null ? 0 : merchants;
        }

        /** Names the version on a page: {@code module/version}. */
        public String ref() {
            return moduleId + "/" + version;
        }
    }

    public record Setting(String key, String label, String type, boolean required) {
    }
}
