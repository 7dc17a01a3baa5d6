package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks every extension of one extension point that runs for a merchant the same question, at once
 * through the guard, and pairs each answer with its plugin: the shape of most extension points
 * (access policies, benefits, console pages, level metrics).
 */
@ApplicationScoped
class ExtensionCalls {

    /** Extension code, given the extension and the context of the merchant it runs for. */
    @FunctionalInterface
    interface ExtensionCall<E, T> {
        T call(E extension, PluginContext context) throws Exception;
    }

    /** One plugin's answer: empty when it failed or ran late. */
    record Answer<T>(String pluginId, Optional<T> value) {
    }

    /** Something an extension names and describes (a metric, a field type, a channel), with its plugin. */
    record Named(String pluginId, String name, String description) {
    }

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

    /**
     * What each extension of the point that runs for the merchant names itself ({@code A-Z 0-9 _}, 2-40)
     * and how it describes itself; one that fails or gives another kind of name is left out.
     */
    <E> List<Named> names(TenantBound tenant, Class<E> point, Function<E, String> name, Function<E, String> description, String what) {
        List<Named> named = new ArrayList<>();
        askAll(tenant, point, (E extension, PluginContext context) -> {
            String given = name.apply(extension);
            if (given == null || !given.matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw new PluginGuard.Misbehaved("named a " + what + " '" + given + "'; names are 2-40 of A-Z, 0-9, _");
            }
            return new Named(null, given, description.apply(extension));
        }).forEach(answer -> answer.value().ifPresent(n -> named.add(new Named(answer.pluginId(), n.name(), n.description()))));
        return named;
    }

    <E, T> List<Answer<T>> askAll(TenantBound tenant, Class<E> point, ExtensionCall<E, T> work) {
        return askAll(active.of(tenant, point), work);
    }

    <E, T> List<Answer<T>> askAll(List<ActivePlugins.Active<E>> extensions, ExtensionCall<E, T> work) {
        return askAll(extensions, work, null);
    }

    /** With a time limit of its own instead of the guard's, for calls that wait on outside services (a login). */
    <E, T> List<Answer<T>> askAll(List<ActivePlugins.Active<E>> extensions, ExtensionCall<E, T> work, Duration limit) {
        if (extensions.isEmpty()) {
            return List.of();
        }
        List<PluginGuard.Call<T>> calls = extensions.stream()
                .map(e -> PluginGuard.Call.<T>to(e, context -> work.call(e.extension(), context)))
                .toList();
        List<Optional<T>> values = limit == null ? guard.callAll(calls) : guard.callAll(calls, limit);
        List<Answer<T>> answers = new ArrayList<>(extensions.size());
        for (int i = 0; i < extensions.size(); i++) {
            answers.add(new Answer<>(extensions.get(i).plugin().id(), values.get(i)));
        }
        return answers;
    }
}
