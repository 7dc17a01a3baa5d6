package io.memberhub.platform.plugin;

import io.memberhub.platform.field.PluginFieldChecks;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.field.spi.MemberFieldType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        return extensions.names(tenant, MemberFieldType.class, MemberFieldType::type, MemberFieldType::description, "member field type")
                .stream().map(n -> new PluginFieldType(n.pluginId() + ":" + n.name(), n.description())).toList();
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
