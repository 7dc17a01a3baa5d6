package io.memberhub.platform.tenancy;

import io.memberhub.platform.device.Devices;
import io.memberhub.platform.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Whether a token is a device's and the device is still active. Tokens are verified locally, so a
 * revoked device's token would stay valid until it expires; this check, cached for seconds and
 * evicted on revocation, refuses it at once.
 */
@ApplicationScoped
public class DeviceAccess {

    static final String DEVICE_CLAIM = "memberhub_device";
    private static final long TTL_MILLIS = 10_000;

    private record Cached(Optional<DeviceCall> call, long at) {
    }

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    TenantRepository tenants;

    @Inject
    Devices devices;

    Optional<DeviceCall> resolve(JsonWebToken token) {
        Object claim = CustomClaim.of(token, DEVICE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String deviceId = claim.toString().replace("\"", "");
        List<String> organizations = OrganizationClaim.aliases(token);
        if (organizations.size() != 1) {
            return Optional.empty();
        }
        String key = organizations.getFirst() + "|" + deviceId;
        long now = System.currentTimeMillis();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.at() < TTL_MILLIS) {
            return hit.call();
        }
        Optional<DeviceCall> call = lookUp(organizations.getFirst(), deviceId);
        cache.put(key, new Cached(call, now));
        return call;
    }

    /** Forgets a device at once, after it was revoked. */
    public void evict(UUID deviceId) {
        cache.entrySet().removeIf(e -> e.getKey().endsWith("|" + deviceId));
    }

    @ActivateRequestContext
    Optional<DeviceCall> lookUp(String slug, String deviceId) {
        UUID id;
        try {
            id = UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return tenants.findBySlug(slug).flatMap(tenant -> devices.activeDevice(TenantBound.of(tenant.id()), id)
                .map(device -> new DeviceCall(tenant.id(), tenant.slug(), device.id())));
    }
}
