package io.memberhub.platform.market;

import io.memberhub.platform.plugin.PluginHost;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Platform operators' review: a submitted version is published (merchants can then find and
 * enable it) or rejected with a reason the developer reads. A decision is final for that version.
 */
@ApplicationScoped
public class MarketPublication {

    @Inject
    EntityManager em;

    @Inject
    PluginHost host;

    @Inject
    PackageStore store;

    /** Versions awaiting review, oldest first, each with the developer who uploaded it. */
    @Transactional
    public List<ModuleVersionResponse> awaitingReview() {
        return em.createQuery("select v, d.name, d.email from ModuleVersion v, MarketModule m, Developer d "
                        + "where m.id = v.moduleId and d.id = m.developerId and v.status = :s order by v.submittedAt", Object[].class)
                .setParameter("s", ModuleVersion.Status.SUBMITTED).getResultStream()
                .map(row -> ((ModuleVersion) row[0]).toResponse().withDeveloper((String) row[1], (String) row[2])).toList();
    }

    @Transactional
    public ModuleVersionResponse publish(String moduleId, String version, String reviewer) {
        return publish(submitted(moduleId, version), reviewer).toResponse();
    }

    @Transactional
    public ModuleVersionResponse reject(String moduleId, String version, String reviewer, String reason) {
        ModuleVersion submitted = submitted(moduleId, version);
        submitted.status = ModuleVersion.Status.REJECTED;
        submitted.reviewedAt = Instant.now();
        submitted.reviewedBy = reviewer;
        submitted.reviewNote = reason;
        return submitted.toResponse();
    }

    /**
     * Publishes a version; the module's listing follows its newest published version. Every
     * published version is installed into the plugin host here (and so on every instance), so
     * merchants can enable it, upgrade to it or roll back to it at once; a package the host refuses
     * is not published.
     */
    ModuleVersion publish(ModuleVersion version, String reviewer) {
        if (!host.installed(version.moduleId, version.version)) {
            host.install(store.pluginJar(version.moduleId, version.version));
        }
        version.status = ModuleVersion.Status.PUBLISHED;
        version.reviewedAt = Instant.now();
        version.reviewedBy = reviewer;
        MarketModule module = em.find(MarketModule.class, version.moduleId);
        String newest = MarketCatalog.newest(em.createQuery(
                        "select v.version from ModuleVersion v where v.moduleId = :m and v.status = :s", String.class)
                .setParameter("m", version.moduleId).setParameter("s", ModuleVersion.Status.PUBLISHED).getResultList());
        if (newest == null || MarketCatalog.SEMVER_ORDER.compare(version.version, newest) >= 0) {
            module.name = version.name;
            module.description = version.description;
            module.category = version.category;
            module.updatedAt = version.reviewedAt;
        }
        return version;
    }

    private ModuleVersion submitted(String moduleId, String version) {
        ModuleVersion found = em.find(ModuleVersion.class, new ModuleVersion.Key(moduleId, version));
        if (found == null) {
            throw ProblemException.notFound("VERSION_NOT_FOUND", "No version " + version + " of module " + moduleId);
        }
        if (found.status != ModuleVersion.Status.SUBMITTED) {
            throw ProblemException.conflict("ALREADY_REVIEWED", moduleId + " " + version + " was already " + found.status.name().toLowerCase());
        }
        return found;
    }
}
