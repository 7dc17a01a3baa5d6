package io.memberhub.console;

import io.memberhub.launcher.PlatformForTests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The console's real surroundings for the whole test run: PostgreSQL, Keycloak and the platform
 * service built by this same build, started by the launcher code the run command uses. Global, so
 * every console test shares one boot.
 */
@QuarkusTestResource(RealStack.class)
public class RealStack implements QuarkusTestResourceLifecycleManager {

    private PlatformForTests platform;

    @Override
    public Map<String, String> start() {
        try {
            // Uploaded modules wait for a platform operator's review, as in production: the operator's console area is tested.
            // Every test's merchant signs up from this one address within a minute or two, above a real visitor's limit.
            // Tests run campaigns and journeys from the console and read what that run did: a scheduled sweep landing between
            // a test's set-up and its run would take the members first (an A/B test then found nobody left to assign).
            platform = PlatformForTests.start(Path.of(".."), Path.of("target"), Map.of("memberhub.market.auto-publish", "false",
                    "memberhub.signup.rate-limit.per-minute", "1000", "memberhub.campaigns.sweep-every", "off",
                    "memberhub.journeys.sweep-cron", "off"));
            Map<String, String> properties = new java.util.HashMap<>(platform.consoleProperties());
            // Where the platform writes the SMS codes of its development sender, for tests that sign a member in.
            properties.put("memberhub.test.platform-log", platform.log().toString());
            // The platform's database as its schema owner, for the few tests that set up what the API cannot (PlatformDb).
            Map<String, String> platformProperties = platform.stack().platformProperties();
            properties.put("memberhub.test.platform-db.url", platformProperties.get("quarkus.datasource.jdbc.url"));
            properties.put("memberhub.test.platform-db.username", platformProperties.get("memberhub.migration.username"));
            properties.put("memberhub.test.platform-db.password", platformProperties.get("memberhub.migration.password"));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the platform for the console's tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (platform != null) {
            platform.close();
        }
    }
}
