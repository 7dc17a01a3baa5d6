package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    @Inject
    ActivePlugins active;

    @Inject
    PluginGuard guard;

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
                .map(e -> new PluginGuard.Call<T>(e.plugin(), e.enablement(), context -> work.call(e.extension(), context)))
                .toList();
        List<Optional<T>> values = limit == null ? guard.callAll(calls) : guard.callAll(calls, limit);
        List<Answer<T>> answers = new ArrayList<>(extensions.size());
        for (int i = 0; i < extensions.size(); i++) {
            answers.add(new Answer<>(extensions.get(i).plugin().id(), values.get(i)));
        }
        return answers;
    }
}
