package io.memberhub.platform.market;

import io.memberhub.platform.plugin.PluginInstalls;
import io.memberhub.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.DefaultVersionManager;

/**
 * What the market shows: to merchants, published modules by category and search; to a developer,
 * their own modules with every version and its review.
 */
@ApplicationScoped
public class MarketCatalog {

    private static final DefaultVersionManager VERSIONS = new DefaultVersionManager();
    static final Comparator<String> SEMVER_ORDER = VERSIONS::compareVersions;

    @Inject
    EntityManager em;

    @Inject
    PluginInstalls installs;

    @Transactional
    public List<ModuleListing> published(String category, String query) {
        List<ModuleVersion> versions = em.createQuery("from ModuleVersion where status = :s", ModuleVersion.class)
                .setParameter("s", ModuleVersion.Status.PUBLISHED).getResultList();
        Map<String, List<ModuleVersion>> byModule = versions.stream().collect(Collectors.groupingBy(v -> v.moduleId));
        Map<UUID, String> developerNames = developerNames();
        String needle = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
        return em.createQuery("from MarketModule order by name", MarketModule.class).getResultStream()
                .filter(m -> byModule.containsKey(m.id))
                .filter(m -> category == null || category.isBlank() || m.category.equalsIgnoreCase(category))
                .filter(m -> needle == null || m.name.toLowerCase(Locale.ROOT).contains(needle)
                        || m.description.toLowerCase(Locale.ROOT).contains(needle) || m.id.contains(needle))
                .map(m -> ModuleListing.of(m, developerNames.get(m.developerId), newestOf(byModule.get(m.id)), List.of()))
                .toList();
    }

    @Transactional
    public ModuleListing publishedModule(String moduleId) {
        MarketModule module = em.find(MarketModule.class, moduleId);
        List<ModuleVersion> versions = module == null ? List.of() : versionsOf(moduleId).stream()
                .filter(v -> v.status == ModuleVersion.Status.PUBLISHED).toList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("MODULE_NOT_FOUND", "The market has no module " + moduleId);
        }
        return ModuleListing.of(module, developerNames().get(module.developerId), newestOf(versions),
                versions.stream().map(ModuleVersion::toResponse).toList());
    }

    /** A developer's modules; every version with how many merchants enabled it (counts only: which merchants is theirs). */
    @Transactional
    public List<ModuleListing> ofDeveloper(Developer developer) {
        return em.createQuery("from MarketModule where developerId = :d order by id", MarketModule.class)
                .setParameter("d", developer.id).getResultStream()
                .map(m -> {
                    List<ModuleVersion> versions = versionsOf(m.id);
                    Map<String, Long> merchants = installs.merchantsPerVersion(m.id);
                    return ModuleListing.of(m, developer.name, newestOf(versions), versions.stream()
                            .map(v -> v.toResponse(merchants.getOrDefault(v.version, 0L))).toList());
                })
                .toList();
    }

    /** The newest of some versions by semantic-version order, or null. */
    static String newest(List<String> versions) {
        return versions.stream().max(SEMVER_ORDER).orElse(null);
    }

    private List<ModuleVersion> versionsOf(String moduleId) {
        return em.createQuery("from ModuleVersion where moduleId = :m", ModuleVersion.class).setParameter("m", moduleId)
                .getResultStream().sorted(Comparator.comparing((ModuleVersion v) -> v.version, SEMVER_ORDER).reversed()).toList();
    }

    private static ModuleVersion newestOf(List<ModuleVersion> versions) {
        return versions.stream().max(Comparator.comparing((ModuleVersion v) -> v.version, SEMVER_ORDER)).orElseThrow();
    }

    private Map<UUID, String> developerNames() {
        return em.createQuery("from Developer", Developer.class).getResultStream()
                .collect(Collectors.toMap(d -> d.id, d -> d.name, (a, b) -> a));
    }
}
