package io.memberhub.platform.plugin;

import io.memberhub.platform.member.MemberRules;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.login.ExternalIdentity;
import io.memberhub.plugin.api.login.spi.LoginAnswer;
import io.memberhub.plugin.api.login.spi.LoginProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks the merchant's login plugins who a proof from another service (a WeChat code) belongs to.
 * The one whose {@link LoginProvider#provider()} matches answers; a refusal is the member's mistake,
 * so only failures and late answers count against the plugin.
 */
@ApplicationScoped
public class PluginLoginProviders {

    /** The person a provider vouched for, and the plugin that asked the provider. */
    public record Identified(String pluginId, String provider, String subject, String phone, String displayName, String unionId) {
    }

    private static final Logger LOG = Logger.getLogger(PluginLoginProviders.class);
    private static final Set<String> REFUSALS = Set.of(LoginAnswer.INVALID_PROOF, LoginAnswer.EXPIRED_PROOF, LoginAnswer.PROVIDER_BUSY,
            LoginAnswer.PROVIDER_UNAVAILABLE, LoginAnswer.MISCONFIGURED);

    @Inject
    ActivePlugins active;

    @Inject
    ExtensionCalls extensions;

    @ConfigProperty(name = "memberhub.plugins.login-timeout", defaultValue = "5s")
    Duration limit;

    /**
     * The identity the provider vouches for. Refused proofs answer 401 {@code EXTERNAL_LOGIN_REFUSED}
     * (429 {@code PROVIDER_BUSY} when the service asks to slow down, 503 {@code LOGIN_PROVIDER_UNAVAILABLE}
     * when it says it cannot serve now, 503 {@code LOGIN_PROVIDER_MISCONFIGURED} when it refuses the
     * merchant's app credentials), an unknown provider 404 and a plugin that fails or is late 503.
     */
    public Identified identify(TenantBound tenant, String provider, Map<String, String> proof) {
        List<ExtensionCalls.Answer<Optional<LoginAnswer>>> answers = extensions.askAll(active.of(tenant, LoginProvider.class),
                (LoginProvider p, PluginContext context) -> provider.equals(p.provider())
                        ? Optional.of(checked(p.identify(Map.copyOf(proof), context))) : Optional.<LoginAnswer>empty(), limit);
        for (var answer : answers) {
            if (answer.value().isPresent() && answer.value().get().isPresent()) {
                return identified(answer.pluginId(), provider, answer.value().get().get());
            }
        }
        if (answers.stream().anyMatch(a -> a.value().isEmpty())) {
            throw ProblemException.unavailable("LOGIN_PROVIDER_UNAVAILABLE",
                    "Sign-in with " + provider + " is not available right now; try again shortly or sign in with an SMS code");
        }
        throw ProblemException.notFound("LOGIN_PROVIDER_NOT_FOUND", "This merchant offers no sign-in with " + provider);
    }

    private static Identified identified(String pluginId, String provider, LoginAnswer answer) {
        if (answer.refusal() != null) {
            String detail = "Sign-in with " + provider + " was refused (" + answer.refusal() + (answer.reason() == null ? "" : ": "
                    + answer.reason()) + ")";
            switch (answer.refusal()) {
                case LoginAnswer.PROVIDER_BUSY ->
                        throw new ProblemException(429, "PROVIDER_BUSY", "Sign-in service busy", detail + "; try again in a minute", List.of());
                case LoginAnswer.PROVIDER_UNAVAILABLE -> throw ProblemException.unavailable("LOGIN_PROVIDER_UNAVAILABLE",
                        detail + "; try again shortly or sign in with an SMS code");
                case LoginAnswer.MISCONFIGURED -> {
                    LOG.warnf("Plugin %s: %s refuses the merchant's app credentials (%s); the merchant must correct the plugin's settings",
                            pluginId, provider, answer.reason());
                    throw ProblemException.unavailable("LOGIN_PROVIDER_MISCONFIGURED", "Sign-in with " + provider
                            + " is not set up correctly by this merchant (" + answer.reason() + "): sign in with an SMS code; the merchant "
                            + "must correct the app id and secret in the settings of plugin " + pluginId);
                }
                default -> throw new ProblemException(401, "EXTERNAL_LOGIN_REFUSED", "Sign-in refused", detail + "; start the sign-in again",
                        List.of());
            }
        }
        ExternalIdentity who = answer.identity();
        return new Identified(pluginId, provider, who.subject(), who.phone(), who.displayName(), who.unionId());
    }

    private static LoginAnswer checked(LoginAnswer answer) throws PluginGuard.Misbehaved {
        if (answer == null) {
            throw new PluginGuard.Misbehaved("answered no login answer");
        }
        if (answer.refusal() != null && !REFUSALS.contains(answer.refusal())) {
            throw new PluginGuard.Misbehaved("refused a login with '" + answer.refusal() + "'; refusals are " + REFUSALS);
        }
        ExternalIdentity who = answer.identity();
        if (who != null && (who.subject() == null || who.subject().isBlank() || who.subject().length() > 200
                || (who.phone() != null && !who.phone().matches(MemberRules.PHONE))
                || (who.displayName() != null && who.displayName().length() > 100)
                || (who.unionId() != null && (who.unionId().isBlank() || who.unionId().length() > 200)))) {
            throw new PluginGuard.Misbehaved("vouched for an identity the platform cannot use: subject 1-200 characters, phone 6-20 digits, "
                    + "display name up to 100 characters, union id 1-200 characters");
        }
        return answer;
    }
}
