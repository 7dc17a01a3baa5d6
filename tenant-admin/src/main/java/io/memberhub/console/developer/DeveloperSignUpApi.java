package io.memberhub.console.developer;

import io.memberhub.console.platform.PlatformProblems;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The market's public registration of developers: anyone may call it before signing in. */
@RegisterRestClient(configKey = "platform")
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1/market")
public interface DeveloperSignUpApi {

    @POST
    @Path("/developers")
    DeveloperViews.Profile register(Registration registration);

    record Registration(String name, String email, String password) {

        @Override
        public String toString() {
            return "Registration[name=" + name + ", email=" + email + ", password=***]";
        }
    }
}
