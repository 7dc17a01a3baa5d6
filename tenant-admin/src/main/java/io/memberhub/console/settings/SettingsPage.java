package io.memberhub.console.settings;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.StaffAccount;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The administration screens in one place: staff, member fields, webhooks, devices; what the person's role may open. */
@Path("/console/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Merchant merchant, StaffAccount me);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance index() {
        return locale.on(Templates.index(platform.merchant(), platform.me()));
    }
}
