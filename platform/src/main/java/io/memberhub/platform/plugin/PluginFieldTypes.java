package io.memberhub.platform.plugin;

import io.memberhub.platform.field.PluginFieldChecks;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.field.spi.MemberFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The member field types of the merchant's enabled plugins ({@link MemberFieldType}), and their checks of values. */
@ApplicationScoped
public class PluginFieldTypes implements PluginFieldChecks {

    /** One extension's answer: whether it is the type asked for, and if so why it refuses the value (null: accepts). */
    private record Verdict(boolean mine, String rejection) {
    }

    private static final String UNCHECKED = "cannot be checked now (its module does not answer); try again shortly";

    @Inject
    ActivePlugins active;

    @Inject
    ExtensionCalls extensions;

    @Override
    public List<PluginFieldType> available(TenantBound tenant) {
        List<PluginFieldType> types = new ArrayList<>();
        extensions.askAll(tenant, MemberFieldType.class, (MemberFieldType t, PluginContext context) -> {
            if (t.type() == null || !t.type().matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw new PluginGuard.Misbehaved("named a member field type '" + t.type() + "'; names are 2-40 of A-Z, 0-9, _");
            }
            return new PluginFieldType(t.type(), t.description());
        }).forEach(answer -> answer.value().ifPresent(t -> types.add(new PluginFieldType(answer.pluginId() + ":" + t.pluginType(),
                t.description()))));
        return types;
    }

    @Override
    public String rejection(TenantBound tenant, String pluginType, String value) {
        int colon = pluginType.indexOf(':');
        String pluginId = pluginType.substring(0, colon);
        String type = pluginType.substring(colon + 1);
        var types = active.of(tenant, MemberFieldType.class).stream().filter(t -> t.plugin().id().equals(pluginId)).toList();
        if (types.isEmpty()) {
            return UNCHECKED;
        }
        List<Optional<Verdict>> answers = extensions.askAll(types, (MemberFieldType t, PluginContext context) ->
                type.equals(t.type()) ? new Verdict(true, t.rejection(value, context)) : new Verdict(false, null))
                .stream().map(ExtensionCalls.Answer::value).toList();
        for (Optional<Verdict> answer : answers) {
            if (answer.isPresent() && answer.get().mine()) {
                String why = answer.get().rejection();
                return why == null || why.length() <= 200 ? why : why.substring(0, 200);
            }
        }
        return UNCHECKED;
    }
}
