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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Points settings: how members earn (points per yuan, validity, member day, category percents,
 * sign-in and streak, profile completion) and redeem (points per yuan, share of an order).
 */
@Path("/console/points")
@Produces(MediaType.TEXT_HTML)
public class PointsPage {

    /** The whole-number settings, by their API names (which the form uses too). */
    static final List<String> WHOLE = List.of("pointsPerYuan", "validityDays", "redeemPointsPerYuan", "maxRedeemPercent",
            "memberDayPercent", "signInPoints", "streakDays", "streakBonus", "profileCompletionPoints");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance points(Seat seat, Typed form, List<Integer> weekdays, boolean saved);
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
    public TemplateInstance page(@QueryParam("saved") boolean saved) {
        return page(formOf(loyalty.pointsSettings()), saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        Map<String, Integer> whole = new LinkedHashMap<>();
        WHOLE.forEach(key -> whole.put(key, form.wholeInt(key)));
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, String> lines = form.lines("categoryPercents");
        if (lines != null) {
            lines.forEach((category, percent) -> {
                if (percent.matches("-?\\d{1,9}")) {
                    categories.put(category, Integer.valueOf(percent));
                } else {
                    form.reject("categoryPercents", Typed.NOT_LINES);
                }
            });
        }
        LoyaltyViews.PointsSettings settings = new LoyaltyViews.PointsSettings(whole.get("pointsPerYuan"), whole.get("validityDays"),
                whole.get("redeemPointsPerYuan"), whole.get("maxRedeemPercent"), form.wholeInt("memberDay"), whole.get("memberDayPercent"),
                categories, form.text("timeZone"), whole.get("signInPoints"), whole.get("streakDays"), whole.get("streakBonus"),
                whole.get("profileCompletionPoints"));
        return Submission.send(form, PointsPage::fieldOf, f -> page(f, false), () -> {
            loyalty.putPointsSettings(settings);
            return URI.create("/console/points?saved=true");
        });
    }

    private TemplateInstance page(Typed form, boolean saved) {
        return locale.on(Templates.points(Seat.of(platform), form, List.of(1, 2, 3, 4, 5, 6, 7), saved));
    }

    static Typed formOf(LoyaltyViews.PointsSettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pointsPerYuan", text(s.pointsPerYuan()));
        values.put("validityDays", text(s.validityDays()));
        values.put("redeemPointsPerYuan", text(s.redeemPointsPerYuan()));
        values.put("maxRedeemPercent", text(s.maxRedeemPercent()));
        values.put("memberDay", text(s.memberDay()));
        values.put("memberDayPercent", text(s.memberDayPercent()));
        values.put("categoryPercents", Typed.linesOf(s.categoryPercents()));
        values.put("timeZone", Objects.toString(s.timeZone(), ""));
        values.put("signInPoints", text(s.signInPoints()));
        values.put("streakDays", text(s.streakDays()));
        values.put("streakBonus", text(s.streakBonus()));
        values.put("profileCompletionPoints", text(s.profileCompletionPoints()));
        return Typed.of(values);
    }

    /** The platform names a bad time zone {@code timeZoneValid} (its check), and a category percent by its key. */
    private static String fieldOf(String platformField) {
        return platformField.startsWith("timeZone") ? "timeZone" : null;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
