package io.memberhub.platform.plugin;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.benefit.spi.BenefitType;
import io.memberhub.plugin.api.benefit.spi.MemberBenefit;
import io.memberhub.platform.tenancy.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The benefits a member has from the plugins the merchant enabled, beside the level's own. */
@ApplicationScoped
public class PluginBenefits {

    private static final int MAX_PER_PLUGIN = 50;

    /** One benefit with the plugin that gives it. */
    public record PluginBenefit(String pluginId, String type, String name, String description, Long value) {
    }

    @Inject
    ExtensionCalls extensions;

    /** A plugin that fails or answers late shows no benefits this time; the list still comes back. */
    public List<PluginBenefit> of(TenantBound tenant, UUID memberId, String levelName) {
        List<PluginBenefit> benefits = new ArrayList<>();
        extensions.askAll(tenant, BenefitType.class, (BenefitType type, PluginContext context) ->
                        checked(type.benefitsOf(memberId, levelName, context)))
                .forEach(answer -> answer.value().ifPresent(list -> list.forEach(b ->
                        benefits.add(new PluginBenefit(answer.pluginId(), b.type(), b.name(), b.description(), b.value())))));
        return benefits;
    }

    private static List<MemberBenefit> checked(List<MemberBenefit> benefits) throws PluginGuard.Misbehaved {
        if (benefits == null || benefits.size() > MAX_PER_PLUGIN || benefits.stream().anyMatch(Objects::isNull)) {
            throw new PluginGuard.Misbehaved("answered " + (benefits == null ? "null" : benefits.size() + " benefits") + " (0 to "
                    + MAX_PER_PLUGIN + ", none null)");
        }
        return List.copyOf(benefits);
    }
}
