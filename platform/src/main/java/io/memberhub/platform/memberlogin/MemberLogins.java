package io.memberhub.platform.memberlogin;

import io.memberhub.platform.event.Outbox;
import io.memberhub.platform.tenancy.TenantBound;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Announces each member login as {@code MemberLoggedIn}: the member's timeline shows it (LOGIN
 * activity), webhooks and plugins hear it (e.g. to spot a login from a new place).
 */
@ApplicationScoped
@Transactional
@TenantTransaction
public class MemberLogins {

    @Inject
    Outbox outbox;

    /** @param method {@code SMS_CODE}, {@code PASSWORD}, {@code STEP_UP} or {@code EXTERNAL:<provider>} */
    public void loggedIn(TenantBound tenant, UUID memberId, String method, String deviceId) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("memberId", memberId);
        payload.put("method", method);
        if (deviceId != null) {
            payload.put("deviceId", deviceId);
        }
        outbox.append(tenant, "MemberLoggedIn", "member", memberId, payload);
    }
}
