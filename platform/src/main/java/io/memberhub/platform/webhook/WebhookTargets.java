package io.memberhub.platform.webhook;

import io.memberhub.platform.net.Destinations;
import io.memberhub.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which URLs a merchant may have events sent to: public ones only, judged when the merchant
 * subscribes and again at every delivery against the address then connected to, since what a name
 * resolves to can change after it was checked. {@code memberhub.webhooks.allowed-private-hosts}
 * names hosts (as written in the URL) that may be internal.
 */
@ApplicationScoped
class WebhookTargets {

    @ConfigProperty(name = "memberhub.webhooks.allowed-private-hosts")
    Optional<List<String>> allowedPrivateHosts;

    private Destinations destinations;

    @PostConstruct
    void configure() {
        destinations = Destinations.allowing(allowedPrivateHosts.orElse(List.of()));
    }

    /** The URL to store, or a 400 naming what is wrong with it. */
    String checkedAtSubscription(String url) {
        try {
            URI uri = destinations.parse(url);
            try {
                destinations.resolve(uri);
            } catch (UnknownHostException notYet) {
                // Judged again at each delivery, when it has addresses.
            }
            return uri.toString();
        } catch (Destinations.Refused e) {
            throw ProblemException.invalidField("url", e.getMessage());
        }
    }

    /** Where to connect for a delivery now. */
    Destinations.Destination atDelivery(String url) throws Destinations.Refused, UnknownHostException {
        return destinations.check(url);
    }
}
