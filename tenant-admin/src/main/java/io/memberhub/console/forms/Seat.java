package io.memberhub.console.forms;

import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.TemplateData;

/**
 * Where the person sits: the merchant they work in and their role there. Settings are changed by
 * owners and admins; operators see them read-only (and the platform refuses them anyway).
 */
@TemplateData
public record Seat(Merchant merchant, String role) {

    public static Seat of(PlatformApi platform) {
        return new Seat(platform.merchant(), platform.me().role());
    }

    public boolean editable() {
        return "owner".equals(role) || "admin".equals(role);
    }

    /** Read-only: the form's fields are shown disabled. */
    public boolean locked() {
        return !editable();
    }
}
