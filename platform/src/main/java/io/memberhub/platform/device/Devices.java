package io.memberhub.platform.device;

import io.memberhub.platform.db.SqlValues;
import io.memberhub.platform.identity.KeycloakDirectory;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.DeviceAccess;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's devices (gates, scanners) and server integrations. Each gets a Keycloak client of its
 * own: it asks Keycloak for tokens with its client id and secret (client credentials), and the
 * platform verifies those tokens locally like any other. Rotating replaces the secret; revoking
 * deletes the client and refuses the device's tokens at once.
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class Devices {

    public enum Kind { GATE, SCANNER, INTEGRATION }

    public record RegisterRequest(@NotBlank @Size(max = 80) String name, @NotNull Kind kind) {
    }

    public record DeviceResponse(UUID id, String name, Kind kind, String clientId, String status, Instant createdAt,
                                 Instant rotatedAt, Instant revokedAt) {
    }

    /** The device and its client secret: shown this once. */
    public record Credentials(DeviceResponse device, String clientId, String clientSecret, String tokenUrl) {
    }

    @Inject
    EntityManager em;

    @Inject
    KeycloakDirectory directory;

    @Inject
    DeviceAccess access;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "memberhub.keycloak.url")
    String keycloakUrl;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "memberhub.keycloak.realm")
    String realm;

    public Credentials register(CallContext call, RegisterRequest request) {
        UUID id = UUID.randomUUID();
        String clientId = "device-" + call.tenantSlug() + "-" + id.toString().substring(0, 8);
        String secret = directory.createDeviceClient(clientId, call.tenantSlug(), id.toString());
        try {
            em.createNativeQuery("insert into device (tenant_id, id, name, kind, client_id, status, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, 'ACTIVE', now())")
                    .setParameter(1, call.tenantId().toString()).setParameter(2, id).setParameter(3, request.name().strip())
                    .setParameter(4, request.kind().name()).setParameter(5, clientId)
                    .executeUpdate();
        } catch (RuntimeException e) {
            directory.deleteClient(clientId);
            throw e;
        }
        return new Credentials(find(call, id), clientId, secret, tokenUrl());
    }

    public Credentials rotate(CallContext call, UUID id) {
        DeviceResponse device = active(call, id);
        String secret = directory.rotateClientSecret(device.clientId());
        em.createNativeQuery("update device set rotated_at = now() where id = ?1").setParameter(1, id).executeUpdate();
        return new Credentials(find(call, id), device.clientId(), secret, tokenUrl());
    }

    public DeviceResponse revoke(CallContext call, UUID id) {
        DeviceResponse device = active(call, id);
        em.createNativeQuery("update device set status = 'REVOKED', revoked_at = now() where id = ?1").setParameter(1, id).executeUpdate();
        access.evict(id);
        directory.deleteClient(device.clientId());
        return find(call, id);
    }

    public List<DeviceResponse> list(CallContext call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " order by created_at desc").getResultList();
        return rows.stream().map(Devices::toResponse).toList();
    }

    /** An active device of the tenant, or empty: what decides whether a device token is accepted. */
    public java.util.Optional<DeviceResponse> activeDevice(TenantBound tenant, UUID id) {
        return findOptional(id).filter(d -> d.status().equals("ACTIVE"));
    }

    public DeviceResponse find(TenantBound tenant, UUID id) {
        return findOptional(id).orElseThrow(() -> ProblemException.notFound("DEVICE_NOT_FOUND", "No device " + id));
    }

    private DeviceResponse active(TenantBound tenant, UUID id) {
        DeviceResponse device = find(tenant, id);
        if (!device.status().equals("ACTIVE")) {
            throw ProblemException.conflict("DEVICE_REVOKED", "Device " + id + " was revoked; register a new one");
        }
        return device;
    }

    private java.util.Optional<DeviceResponse> findOptional(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(Devices::toResponse);
    }

    private String tokenUrl() {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    private static final String SELECT = "select id, name, kind, client_id, status, created_at, rotated_at, revoked_at from device";

    private static DeviceResponse toResponse(Object[] r) {
        return new DeviceResponse((UUID) r[0], (String) r[1], Kind.valueOf((String) r[2]), (String) r[3], (String) r[4],
                SqlValues.instant(r[5]), SqlValues.instant(r[6]), SqlValues.instant(r[7]));
    }
}
