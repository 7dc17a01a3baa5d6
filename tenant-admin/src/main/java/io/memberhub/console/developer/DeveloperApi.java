package io.memberhub.console.developer;

import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The market's developer API, called with the signed-in developer's own token. Developers are not
 * merchant staff, so no merchant header travels with these calls.
 */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1/market")
public interface DeveloperApi {

    @GET
    @Path("/developer")
    DeveloperViews.Profile me();

    @GET
    @Path("/developer/keys")
    List<DeveloperViews.Key> keys();

    @POST
    @Path("/developer/keys")
    DeveloperViews.Key registerKey(DeveloperViews.NewKey key);

    @DELETE
    @Path("/developer/keys/{id}")
    DeveloperViews.Key revokeKey(@PathParam("id") String id);

    @GET
    @Path("/developer/modules")
    List<DeveloperViews.Module> modules();

    /** The package as its developer signed it; the signature is theirs, made with a key the console never sees. */
    @POST
    @Path("/developer/packages")
    @Consumes("application/zip")
    DeveloperViews.Version upload(byte[] pack, @HeaderParam("Content-Digest") String digest,
                                  @HeaderParam("X-MemberHub-Key-Id") String keyId, @HeaderParam("X-MemberHub-Signature") String signature);
}
