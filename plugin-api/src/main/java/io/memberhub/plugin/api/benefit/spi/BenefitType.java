package io.memberhub.plugin.api.benefit.spi;

import io.memberhub.plugin.api.InterfaceStability;
import io.memberhub.plugin.api.PluginContext;
import java.util.List;
import java.util.UUID;
import org.pf4j.ExtensionPoint;

/**
 * Benefits a plugin gives members beyond the platform's own (e.g. a fresh-food pack's
 * "free delivery over 59 yuan", daily specials for the top level). The platform lists them with the
 * member's benefits, for staff and in the member's app.
 */
@InterfaceStability.Evolving
public interface BenefitType extends ExtensionPoint {

    /** The member's benefits of this type now (empty for none), e.g. decided by the member's level. */
    List<MemberBenefit> benefitsOf(UUID memberId, String levelName, PluginContext context) throws Exception;
}
