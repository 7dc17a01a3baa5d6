package io.memberhub.console.platform;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's public API: what anyone may call before signing in. */
@RegisterRestClient(configKey = "platform")
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface PublicPlatformApi {

    @POST
    @Path("/tenants")
    Merchant signUp(SignUp request);

    /** A merchant signing up: the shop, its URL-safe slug and the owner's login. */
    record SignUp(String merchantName, String slug, String ownerEmail, String ownerPassword) {

        @Override
        public String toString() {
            return "SignUp[merchantName=" + merchantName + ", slug=" + slug + ", ownerEmail=" + ownerEmail + ", ownerPassword=***]";
        }
    }
}
