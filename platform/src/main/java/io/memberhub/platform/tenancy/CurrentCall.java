package io.memberhub.platform.tenancy;

import io.memberhub.platform.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The request's {@link CallContext}, for resources to hand to services. */
@RequestScoped
public class CurrentCall {

    @Inject
    SecurityIdentity identity;

    /** The call's merchant and role when the caller is a merchant's staff; empty for anyone else (developers, operators). */
    public Optional<CallContext> find() {
        return identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(StaffIdentityAugmentor.CALL_CONTEXT));
    }

    public CallContext get() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        CallContext call = identity.getAttribute(StaffIdentityAugmentor.CALL_CONTEXT);
        if (call == null) {
            throw ProblemException.forbidden("NOT_STAFF",
                    "This token names no merchant you work for: request it with scope=organization (one merchant) or "
                            + "scope=organization:* and name the merchant in the " + CallContextResolver.TENANT_HEADER + " header");
        }
        return call;
    }
}
