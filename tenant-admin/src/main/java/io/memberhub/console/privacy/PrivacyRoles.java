package io.memberhub.console.privacy;

import io.memberhub.console.platform.PlatformApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Whether the signed-in person's role may act on privacy requests, for pages to offer only what the
 * platform would allow (it checks again on every call). Read in templates as {@code inject:privacyRoles}.
 */
@Named("privacyRoles")
@RequestScoped
public class PrivacyRoles {

    @Inject
    @RestClient
    PlatformApi platform;

    private String role;

    /** Owners and admins export and erase a member's data. */
    public boolean handlesMemberRequests() {
        return role().equals("owner") || role().equals("admin");
    }

    /** Only the owner takes all the merchant's data home. */
    public boolean exportsAllData() {
        return role().equals("owner");
    }

    private String role() {
        if (role == null) {
            role = platform.me().role();
        }
        return role;
    }
}
