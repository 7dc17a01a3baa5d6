package io.memberhub.platform.device;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.tenancy.CurrentDevice;
import io.memberhub.platform.tenancy.DeviceCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/devices")
@Tag(name = "Devices")
public class DeviceResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CurrentDevice currentDevice;

    @Inject
    Devices devices;

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Register a device or server integration",
            description = "Answers with its client id and secret (shown once) and the token URL: the device gets tokens with the "
                    + "client-credentials grant and calls the API with them.")
    @Audited(value = "device.registered", target = "device", targetId = "answer.device.id", details = "body.kind")
    public Response register(@Valid @NotNull Devices.RegisterRequest request) {
        return Response.status(201).entity(devices.register(currentCall.get(), request)).build();
    }

    @GET
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "The merchant's devices and integrations")
    public List<Devices.DeviceResponse> list() {
        return devices.list(currentCall.get());
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Rotate a device's secret", description = "The old secret gets no new tokens; tokens already issued run out within minutes.")
    @Audited(value = "device.secret_rotated", target = "device", targetId = "id")
    public Devices.Credentials rotate(@PathParam("id") UUID id) {
        return devices.rotate(currentCall.get(), id);
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Revoke a device", description = "Its tokens are refused at once and it gets no new ones.")
    @Audited(value = "device.revoked", target = "device", targetId = "id")
    public Devices.DeviceResponse revoke(@PathParam("id") UUID id) {
        return devices.revoke(currentCall.get(), id);
    }

    @GET
    @Path("/me")
    @RolesAllowed("device")
    @Operation(summary = "The calling device", description = "For a device to check its credentials work.")
    public Devices.DeviceResponse me() {
        DeviceCall device = currentDevice.get();
        return devices.find(device, device.deviceId());
    }

    /** The answer of {@link #ping()}: always the same. */
    public record Pong(boolean pong) {
    }

    private static final Pong PONG = new Pong(true);

    @GET
    @Path("/me/ping")
    @RolesAllowed("device")
    @Operation(summary = "A device's round trip to the platform",
            description = "Answers the same constant to any active device, reading nothing: a gate shows whether it is online by it, "
                    + "and the gate benchmark measures the platform's floor with it.")
    public Pong ping() {
        return PONG;
    }
}
