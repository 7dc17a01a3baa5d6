package io.memberhub.platform.tenancy;

import io.memberhub.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The device a request comes from, for endpoints devices call. */
@RequestScoped
public class CurrentDevice {

    @Inject
    SecurityIdentity identity;

    public DeviceCall get() {
        DeviceCall call = identity.getAttribute(StaffIdentityAugmentor.DEVICE_CALL);
        if (call == null) {
            throw ProblemException.forbidden("NOT_A_DEVICE", "This endpoint is for a merchant's registered devices");
        }
        return call;
    }
}
