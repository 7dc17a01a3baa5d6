package io.memberhub.console.loyalty;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Coupon templates: the list, and a form for a new one (amount off in yuan or percent off, minimum
 * spend, validity, a price in points). The platform offers no change or retirement of a template.
 */
@Path("/console/coupons")
@Produces(MediaType.TEXT_HTML)
public class CouponsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coupons(Seat seat, List<LoyaltyViews.CouponTemplate> templates, Typed form, boolean saved);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    LoyaltyApi loyalty;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance page(@QueryParam("created") boolean created) {
        return page(Typed.of(Map.of("kind", "AMOUNT_OFF", "validityDays", "30")), created);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        String kind = "PERCENT_OFF".equals(form.get("kind")) ? "PERCENT_OFF" : "AMOUNT_OFF";
        Long value = "PERCENT_OFF".equals(kind) ? form.whole("value") : form.fen("value");
        LoyaltyViews.CouponTemplate template = new LoyaltyViews.CouponTemplate(null, form.get("name"), kind, value, form.fen("minSpend"),
                form.wholeInt("validityDays"), form.whole("pointsPrice"));
        // The platform checks a percent through isPercentSensible, which it reports as "percentSensible".
        return Submission.send(form, field -> field.startsWith("percent") ? "value" : null, f -> page(f, false), () -> {
            loyalty.createCouponTemplate(template);
            return URI.create("/console/coupons?created=true");
        });
    }

    private TemplateInstance page(Typed form, boolean created) {
        return locale.on(Templates.coupons(Seat.of(platform), loyalty.couponTemplates(), form, created));
    }
}
