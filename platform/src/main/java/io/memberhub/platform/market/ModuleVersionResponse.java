package io.memberhub.platform.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A module version as developers, reviewers and merchants see it.
 *
 * @param merchants      how many merchants enabled this version; shown to its developer only
 * @param developer      who uploaded it (name); shown to reviewers only
 * @param developerEmail the uploader's login email; shown to reviewers only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleVersionResponse(String moduleId, String version, String name, String description, String category,
                                    String icon, List<String> screenshots, String requires, List<String> permissions,
                                    List<ModuleManifest.Setting> config, long priceMinor, String sha256, long sizeBytes,
                                    String keyId, String status, Instant submittedAt, Instant reviewedAt, String reviewNote,
                                    Long merchants, String developer, String developerEmail) {

    /** As a reviewer sees it: with the developer who uploaded it. */
    ModuleVersionResponse withDeveloper(String name, String email) {
        return new ModuleVersionResponse(moduleId, version, this.name, description, category, icon, screenshots, requires, permissions,
                config, priceMinor, sha256, sizeBytes, keyId, status, submittedAt, reviewedAt, reviewNote, merchants, name, email);
    }
}
