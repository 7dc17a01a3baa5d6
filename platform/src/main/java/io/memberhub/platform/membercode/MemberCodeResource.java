package io.memberhub.platform.membercode;

import io.memberhub.platform.audit.NotAudited;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/member-codes")
@Tag(name = "Member codes")
public class MemberCodeResource {

    public record VerifyRequest(@NotBlank @Size(max = 2048) String code) {
    }

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberCodes codes;

    @Inject
    io.memberhub.platform.tenancy.CurrentDevice currentDevice;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    MemberCodeKeys keys;

    @POST
    @Path("/verify")
    @RolesAllowed({"owner", "admin", "operator", "device"})
    @Operation(summary = "Check a member code a member shows",
            description = "422 MEMBER_CODE_INVALID for a damaged, forged or other merchant's code, 422 MEMBER_CODE_EXPIRED for an old one; "
                    + "otherwise the member, the level in the code and the member's level and benefits now.")
    @NotAudited("checks a member code and changes nothing")
    public MemberCodes.Verified verify(@Valid @NotNull VerifyRequest request) {
        return codes.verify(caller(), request.code());
    }

    @GET
    @Path("/keys")
    @RolesAllowed({"owner", "admin", "operator", "device"})
    @Operation(summary = "The merchant's public keys for checking member codes offline",
            description = "Ed25519, X.509-encoded and base64; a code's payload names its key id (k).")
    public List<MemberCodeKeys.PublicKeyInfo> keys() {
        return keys.publicKeys(caller());
    }

    /** Staff at the counter, or a scanner or gate of the merchant. */
    private io.memberhub.platform.tenancy.TenantBound caller() {
        return identity.hasRole("device") ? currentDevice.get() : currentCall.get();
    }
}
