package io.memberhub.console.growth;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Growth value rules: what an order earns (per so many fen, plus per order) and what each kind of
 * activity earns, with its daily limit, one line per activity type.
 */
@Path("/console/growth")
@Produces(MediaType.TEXT_HTML)
public class GrowthPage {

    /** {@code growth[, limit][, app]}: the value side of an activity line. */
    private static final Pattern RULE = Pattern.compile("(-?\\d{1,9})\\s*(?:,\\s*(-|\\d{1,9})?\\s*)?(?:,\\s*(app)\\s*)?", Pattern.CASE_INSENSITIVE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance growth(Seat seat, Typed form, boolean saved);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    GrowthApi growth;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance page(@QueryParam("saved") boolean saved) {
        return page(formOf(growth.settings()), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        List<GrowthViews.ActivityRule> rules = new ArrayList<>();
        Map<String, String> lines = form.lines("activities");
        if (lines != null) {
            lines.forEach((type, value) -> {
                Matcher m = RULE.matcher(value);
                if (!m.matches()) {
                    form.reject("activities", Typed.NOT_LINES);
                    return;
                }
                Integer limit = m.group(2) == null || m.group(2).equals("-") ? null : Integer.valueOf(m.group(2));
                rules.add(new GrowthViews.ActivityRule(type.toUpperCase(java.util.Locale.ROOT), Long.valueOf(m.group(1)), limit, m.group(3) != null));
            });
        }
        var settings = new GrowthViews.Settings(form.whole("spendUnit"), form.whole("growthPerSpendUnit"), form.whole("growthPerOrder"), rules);
        return Submission.send(form, f -> page(f, false), () -> {
            growth.putSettings(settings);
            return URI.create("/console/growth?saved=true");
        });
    }

    private TemplateInstance page(Typed form, boolean saved) {
        return locale.on(Templates.growth(Seat.of(platform), form, saved));
    }

    static Typed formOf(GrowthViews.Settings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("spendUnit", String.valueOf(s.spendUnit()));
        values.put("growthPerSpendUnit", String.valueOf(s.growthPerSpendUnit()));
        values.put("growthPerOrder", String.valueOf(s.growthPerOrder()));
        StringBuilder lines = new StringBuilder();
        for (GrowthViews.ActivityRule r : s.activities()) {
            lines.append(r.type()).append(" = ").append(r.growth()).append(", ").append(r.dailyLimit() == null ? "-" : r.dailyLimit());
            if (Boolean.TRUE.equals(r.memberReported())) {
                lines.append(", app");
            }
            lines.append('\n');
        }
        values.put("activities", lines.toString());
        return Typed.of(values);
    }
}
