package io.memberhub.platform.plugin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the instance answering has installed and loaded: for operators checking that a change reached every instance. */
@Path("/api/v1/platform/plugins")
@Tag(name = "Platform operations")
@RolesAllowed("platform-admin")
public class PlatformPluginResource {

    /** {@code instance} names the JVM that answered (pid@host). */
    public record InstanceResponse(String instance, List<PluginHost.InstalledVersion> versions) {
    }

    @Inject
    PluginHost host;

    @GET
    @Operation(summary = "Plugin versions installed on the instance that answers",
            description = "Per version: whether it is the newest, whether this instance has it loaded (each plugin's newest and every "
                    + "version a merchant enabled stay loaded) and the calls running in it now. Ask each instance to compare them.")
    public InstanceResponse versions() {
        return new InstanceResponse(ManagementFactory.getRuntimeMXBean().getName(), host.installedVersions());
    }
}
