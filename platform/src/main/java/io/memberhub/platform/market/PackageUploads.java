package io.memberhub.platform.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.memberhub.plugin.api.PluginApi;
import io.memberhub.platform.limits.BodyLimits;
import io.memberhub.platform.plugin.ConfigKeys;
import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pf4j.DefaultVersionManager;

/**
 * Takes a developer's package into the market, checking in this order so the cheapest refusal
 * comes first and nothing unsigned is ever opened: size, digest, signature by one of the
 * developer's active keys, archive safety, manifest, agreement between manifest and plugin jar,
 * plugin-api range, ownership of the module id, and that the version is new.
 */
@ApplicationScoped
public class PackageUploads {

    private static final ObjectMapper MANIFESTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    Developers developers;

    @Inject
    PackageStore store;

    @Inject
    MarketPublication publication;

    @Inject
    EntityManager em;

    @Inject
    BodyLimits limits;

    @ConfigProperty(name = "memberhub.market.auto-publish", defaultValue = "false")
    boolean autoPublish;

    @Transactional
    public ModuleVersionResponse upload(String userId, byte[] pack, String contentDigest, String keyId, String signature) {
        Developer developer = developers.byLogin(userId);
        if (pack == null || pack.length == 0) {
            throw ProblemException.badRequest("PACKAGE_MISSING", "Send the package (a zip) as the request body with Content-Type application/zip");
        }
        if (pack.length > limits.marketPackage().bytes()) {
            throw limits.marketPackage().exceeded();
        }
        String sha256 = PackageSignature.checkDigest(pack, contentDigest);
        DeveloperKey key = signingKey(developer, keyId, signature);
        if (!PackageSignature.verifies(key.publicKey, pack, signature)) {
            throw ProblemException.unprocessable("SIGNATURE_INVALID",
                    "The signature does not verify with key " + key.id + ": sign exactly the uploaded bytes with that key's private half");
        }
        PackageContents contents = PackageContents.open(pack);
        ModuleManifest manifest = parse(contents.manifest());
        List<Problem.FieldError> problems = new ArrayList<>(manifest.problems(contents.entries()));
        problems.addAll(disagreements(manifest, contents));
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "MANIFEST_INVALID", "Invalid manifest",
                    problems.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), problems);
        }
        requireCompatible(manifest.requires());
        MarketModule module = claim(developer, manifest);
        if (em.find(ModuleVersion.class, new ModuleVersion.Key(module.id, manifest.version())) != null) {
            throw ProblemException.conflict("VERSION_EXISTS", module.id + " " + manifest.version()
                    + " was uploaded before; versions never change once uploaded, so raise the version");
        }
        store.save(module.id, manifest.version(), pack, contents.pluginJar());
        ModuleVersion version = newVersion(manifest, sha256, pack.length, key, signature);
        em.persist(version);
        if (autoPublish) {
            publication.publish(version, "auto-publish");
        }
        return version.toResponse();
    }

    private DeveloperKey signingKey(Developer developer, String keyId, String signature) {
        if (keyId == null || keyId.isBlank() || signature == null || signature.isBlank()) {
            throw ProblemException.unprocessable("PACKAGE_UNSIGNED", "The market only takes signed packages: register a key "
                    + "(POST /api/v1/market/developer/keys), sign the package with it and send " + PackageSignature.KEY_HEADER
                    + " and " + PackageSignature.SIGNATURE_HEADER);
        }
        DeveloperKey key = em.find(DeveloperKey.class, keyId.trim());
        if (key == null || !key.developerId.equals(developer.id)) {
            throw ProblemException.unprocessable("SIGNATURE_INVALID", "Key " + keyId + " is not one of your registered keys");
        }
        if (!key.active()) {
            throw ProblemException.unprocessable("KEY_REVOKED", "Key " + keyId + " was revoked on " + key.revokedAt + "; sign with an active key");
        }
        return key;
    }

    private static ModuleManifest parse(byte[] manifest) {
        try {
            return MANIFESTS.readValue(manifest, ModuleManifest.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.unprocessable("MANIFEST_INVALID", PackageContents.MANIFEST + " cannot be read: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.unprocessable("MANIFEST_INVALID", PackageContents.MANIFEST + " cannot be read: " + e.getMessage());
        }
    }

    /** The plugin jar's own descriptor must say what the manifest says, or merchants would read one thing and run another. */
    private static List<Problem.FieldError> disagreements(ModuleManifest manifest, PackageContents contents) {
        List<Problem.FieldError> errors = new ArrayList<>();
        agree(errors, "id", manifest.id(), "Plugin-Id", contents.plugin("Plugin-Id"));
        agree(errors, "version", manifest.version(), "Plugin-Version", contents.plugin("Plugin-Version"));
        String jarRequires = contents.plugin("Plugin-Requires");
        if (jarRequires != null && !jarRequires.equals(manifest.requires())) {
            errors.add(ModuleManifest.error("requires", "says '" + manifest.requires() + "' but plugin.jar's Plugin-Requires says '" + jarRequires + "'"));
        }
        ConfigKeys declared = ConfigKeys.of(contents.pluginAttributes());
        if (!declared.required().equals(manifest.requiredSettings()) || !declared.optional().equals(manifest.optionalSettings())) {
            errors.add(ModuleManifest.error("config", "must declare the settings plugin.jar declares (" + PluginApi.CONFIG_REQUIRED + ": "
                    + sorted(declared.required()) + ", " + PluginApi.CONFIG_OPTIONAL + ": " + sorted(declared.optional()) + ")"));
        }
        // The host grants what the jar declares: merchants must have read every one of them in the manifest.
        List<String> unshown = sorted(io.memberhub.platform.plugin.PluginPermissions.parse(contents.plugin(PluginApi.PERMISSIONS))).stream()
                .filter(permission -> !manifest.permissions().contains(permission)).toList();
        if (!unshown.isEmpty()) {
            errors.add(ModuleManifest.error("permissions", "must list every permission plugin.jar's " + PluginApi.PERMISSIONS
                    + " declares; missing " + unshown));
        }
        return errors;
    }

    private static void agree(List<Problem.FieldError> errors, String field, String manifestValue, String attribute, String jarValue) {
        if (jarValue == null) {
            errors.add(ModuleManifest.error(field, "plugin.jar's manifest has no " + attribute));
        } else if (!Objects.equals(manifestValue, jarValue)) {
            errors.add(ModuleManifest.error(field, "is '" + manifestValue + "' but plugin.jar's " + attribute + " is '" + jarValue + "'"));
        }
    }

    private static void requireCompatible(String requires) {
        boolean compatible;
        try {
            compatible = new DefaultVersionManager().checkVersionConstraint(PluginApi.VERSION, requires);
        } catch (RuntimeException unreadable) {
            throw ProblemException.unprocessable("MANIFEST_INVALID", "manifest.requires '" + requires
                    + "' is not a version range (e.g. >=1.0.0 & <2.0.0)");
        }
        if (!compatible) {
            throw ProblemException.unprocessable("PLUGIN_API_INCOMPATIBLE", "The package requires plugin-api " + requires
                    + ", but this platform provides plugin-api " + PluginApi.VERSION + "; build against " + PluginApi.VERSION);
        }
    }

    private MarketModule claim(Developer developer, ModuleManifest manifest) {
        MarketModule module = em.find(MarketModule.class, manifest.id());
        if (module == null) {
            module = new MarketModule();
            module.id = manifest.id();
            module.developerId = developer.id;
            module.name = manifest.name();
            module.description = manifest.description();
            module.category = manifest.category();
            module.createdAt = Instant.now();
            module.updatedAt = module.createdAt;
            em.persist(module);
            return module;
        }
        if (!module.developerId.equals(developer.id)) {
            throw ProblemException.conflict("MODULE_OWNED_ELSEWHERE", "The module id '" + module.id + "' belongs to another developer; choose another id");
        }
        return module;
    }

    private static ModuleVersion newVersion(ModuleManifest manifest, String sha256, long size, DeveloperKey key, String signature) {
        var version = new ModuleVersion();
        version.moduleId = manifest.id();
        version.version = manifest.version();
        version.name = manifest.name();
        version.description = manifest.description();
        version.category = manifest.category();
        version.icon = manifest.icon();
        version.screenshots = manifest.screenshots();
        version.requires = manifest.requires();
        version.permissions = manifest.permissions();
        version.configSchema = manifest.config();
        version.priceMinor = manifest.priceMinor();
        version.sha256 = sha256;
        version.sizeBytes = size;
        version.keyId = key.id;
        version.signature = signature.trim();
        version.status = ModuleVersion.Status.SUBMITTED;
        version.submittedAt = Instant.now();
        return version;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
