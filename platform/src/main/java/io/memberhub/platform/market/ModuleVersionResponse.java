package io.memberhub.platform.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A module version as developers, reviewers and merchants see it.
 *
 * @param merchants how many merchants enabled this version; shown to its developer only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleVersionResponse(String moduleId, String version, String name, String description, String category,
                                    String icon, List<String> screenshots, String requires, List<String> permissions,
                                    List<ModuleManifest.Setting> config, long priceMinor, String sha256, long sizeBytes,
                                    String keyId, String status, Instant submittedAt, Instant reviewedAt, String reviewNote,
                                    Long merchants) {
}
