package io.memberhub.platform.plugin;

import io.memberhub.platform.level.LevelRequest;
import io.memberhub.platform.level.LevelResponse;
import io.memberhub.platform.level.LevelService;
import io.memberhub.platform.problem.Problem;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import io.memberhub.plugin.api.starter.spi.Starter;
import io.memberhub.plugin.api.starter.spi.StarterConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starter configurations of the plugins a merchant enabled: shown, then adopted in one transaction
 * (all levels and settings, or nothing). The plugin is asked outside that transaction, through the
 * guard like every call into a plugin.
 */
@ApplicationScoped
public class PluginStarters {

    @Inject
    ActivePlugins active;

    @Inject
    ExtensionCalls extensions;

    @Inject
    Validator validator;

    @Inject
    Adoption adoption;

    public StarterResponse preview(CallContext call, String pluginId) {
        Starter starter = ask(call, pluginId);
        List<LevelRequest> levels = levels(pluginId, starter);
        return new StarterResponse(pluginId, starter.summary(), levels, adoption.updates(call, levels), starter.settings(), false);
    }

    public StarterResponse adopt(CallContext call, String pluginId) {
        Starter starter = ask(call, pluginId);
        List<LevelRequest> levels = levels(pluginId, starter);
        List<String> updates = adoption.adopt(call, pluginId, levels, starter.settings());
        return new StarterResponse(pluginId, starter.summary(), levels, updates, starter.settings(), true);
    }

    private Starter ask(CallContext call, String pluginId) {
        var offers = active.of(call, StarterConfiguration.class).stream()
                .filter(e -> e.plugin().id().equals(pluginId))
                .limit(1)
                .toList();
        if (offers.isEmpty()) {
            throw ProblemException.notFound("STARTER_NOT_FOUND", "Plugin " + pluginId
                    + " is not enabled for this merchant or offers no starter configuration; enable it first");
        }
        return extensions.askAll(offers, StarterConfiguration::starter).getFirst().value()
                .filter(Objects::nonNull)
                .orElseThrow(() -> ProblemException.unavailable("PLUGIN_UNAVAILABLE", "Plugin " + pluginId
                        + " did not give its starter configuration in time or failed; try again, and see the plugin's failures"));
    }

    private List<LevelRequest> levels(String pluginId, Starter starter) {
        List<LevelRequest> levels = new ArrayList<>();
        List<String> mistakes = new ArrayList<>();
        for (var level : starter.levels()) {
            try {
                LevelRequest request = StarterLevels.request(level);
                for (ConstraintViolation<LevelRequest> v : validator.validate(request)) {
                    mistakes.add(level.name() + ": " + v.getPropertyPath() + " " + v.getMessage());
                }
                levels.add(request);
            } catch (IllegalArgumentException e) {
                mistakes.add(level.name() + ": " + e.getMessage());
            }
        }
        Set<String> names = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        levels.forEach(l -> {
            if (!names.add(l.name()) || !ranks.add(l.rank())) {
                mistakes.add(l.name() + ": name or rank " + l.rank() + " given twice");
            }
        });
        if (!mistakes.isEmpty()) {
            throw new ProblemException(502, "STARTER_INVALID", "Plugin starter configuration is invalid",
                    "Plugin " + pluginId + " offers levels the platform cannot set up: " + mistakes + "; tell the plugin's developer", List.of());
        }
        return levels;
    }

    /** The writes of an adoption, in the merchant's transaction. */
    @ApplicationScoped
    @Transactional
    @TenantTransaction
    public static class Adoption {

        @Inject
        LevelService levels;

        @Inject
        PluginEnablements enablements;

        @Inject
        TenantPlugins tenantPlugins;

        /** The starter levels that would replace one of the merchant's levels of the same name. */
        public List<String> updates(CallContext call, List<LevelRequest> starter) {
            Set<String> existing = levels.list(call).stream().map(LevelResponse::name).collect(Collectors.toSet());
            return starter.stream().map(LevelRequest::name).filter(existing::contains).toList();
        }

        /**
         * Creates the starter's levels, updating those of the same name; a rank another of the
         * merchant's levels holds is refused before anything changes. Then merges the settings over
         * the merchant's configuration of the plugin.
         */
        public List<String> adopt(CallContext call, String pluginId, List<LevelRequest> starter, Map<String, String> settings) {
            Map<String, LevelResponse> byName = levels.list(call).stream().collect(Collectors.toMap(LevelResponse::name, Function.identity()));
            Set<String> starterNames = starter.stream().map(LevelRequest::name).collect(Collectors.toSet());
            List<Problem.FieldError> clashes = new ArrayList<>();
            for (LevelRequest level : starter) {
                byName.values().stream()
                        .filter(other -> other.rank() == level.rank() && !starterNames.contains(other.name()))
                        .forEach(other -> clashes.add(new Problem.FieldError("levels." + level.name(),
                                "rank " + level.rank() + " is held by your level " + other.name())));
            }
            if (!clashes.isEmpty()) {
                throw new ProblemException(409, "STARTER_CONFLICTS_WITH_LEVELS", "Starter levels clash with yours",
                        "Your levels hold ranks the starter needs: " + clashes.stream().map(Problem.FieldError::message).toList()
                                + "; rename the starter's namesakes or move or delete your levels, then adopt again", clashes);
            }
            // Namesakes changing rank could meet half-way (A takes B's old rank before B moves): park them on free ranks first.
            Set<Integer> taken = new HashSet<>();
            byName.values().forEach(l -> taken.add(l.rank()));
            starter.forEach(l -> taken.add(l.rank()));
            int free = 99;
            Map<String, LevelResponse> parked = new HashMap<>();
            for (LevelRequest level : starter) {
                LevelResponse existing = byName.get(level.name());
                if (existing != null && existing.rank() != level.rank()) {
                    while (taken.contains(free)) {
                        free--;
                    }
                    taken.add(free);
                    existing = levels.update(call, existing.id(), park(existing, free));
                }
                if (existing != null) {
                    parked.put(level.name(), existing);
                }
            }
            List<String> updated = new ArrayList<>();
            for (LevelRequest level : starter) {
                LevelResponse existing = parked.get(level.name());
                if (existing != null) {
                    levels.update(call, existing.id(), level);
                    updated.add(level.name());
                } else {
                    levels.create(call, level);
                }
            }
            if (!settings.isEmpty()) {
                Enablement enablement = tenantPlugins.find(call, pluginId).orElseThrow();
                Map<String, String> config = new HashMap<>(enablement.config());
                config.putAll(settings);
                enablements.enable(call, pluginId, new EnablementRequest(config, enablement.version()));
            }
            return updated;
        }

        private static LevelRequest park(LevelResponse level, int rank) {
            return new LevelRequest(level.name(), rank, level.upgradeRule(), level.pointsPercent(), level.benefits(), level.giftPack(),
                    level.retention(), level.prices());
        }
    }
}
