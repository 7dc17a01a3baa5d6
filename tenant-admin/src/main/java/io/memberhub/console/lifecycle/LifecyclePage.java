package io.memberhub.console.lifecycle;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The member lifecycle on one page: where members are now, how they moved week by week or month by
 * month, who is slipping before the rules notice, the RFM value pyramid, and the stage rules form.
 */
@Path("/console/lifecycle")
@Produces(MediaType.TEXT_HTML)
public class LifecyclePage {

    static final List<String> RULES = List.of("newDays", "atRiskDays", "dormantDays", "activeOrders", "activeWindowDays", "wonBackDays");
    private static final int PERIODS = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Seat seat, Typed form, Lifecycle lifecycle, boolean saved, LifecycleViews.Evaluation evaluated);
    }

    /** What the page draws besides the form. */
    public record Lifecycle(LifecycleViews.Distribution distribution, LifecycleViews.Flow flow, LifecycleViews.Pyramid pyramid,
                            List<LifecycleViews.Warning> warnings) {

        /** Width in percent of a stage's bar against all members. */
        public long share(long members) {
            return distribution.total() == 0 ? 0 : Math.max(members == 0 ? 0 : 1, members * 100 / distribution.total());
        }
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    LifecycleApi lifecycle;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance page(@QueryParam("period") @DefaultValue("WEEK") String period, @QueryParam("saved") boolean saved,
                                 @QueryParam("changes") Integer changes, @QueryParam("rescored") Integer rescored) {
        LifecycleViews.Rules rules = lifecycle.rules();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("newDays", String.valueOf(rules.newDays()));
        values.put("atRiskDays", String.valueOf(rules.atRiskDays()));
        values.put("dormantDays", String.valueOf(rules.dormantDays()));
        values.put("activeOrders", String.valueOf(rules.activeOrders()));
        values.put("activeWindowDays", String.valueOf(rules.activeWindowDays()));
        values.put("wonBackDays", String.valueOf(rules.wonBackDays()));
        LifecycleViews.Evaluation evaluated = changes == null || rescored == null ? null : new LifecycleViews.Evaluation(changes, rescored);
        return draw(Typed.of(values), "MONTH".equals(period) ? "MONTH" : "WEEK", saved, evaluated);
    }

    @POST
    @Path("/rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveRules(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        LifecycleViews.Rules rules = new LifecycleViews.Rules(form.wholeInt("newDays"), form.wholeInt("atRiskDays"),
                form.wholeInt("dormantDays"), form.wholeInt("activeOrders"), form.wholeInt("activeWindowDays"), form.wholeInt("wonBackDays"));
        return Submission.send(form, f -> draw(f, "WEEK", false, null), () -> {
            lifecycle.putRules(rules);
            return URI.create("/console/lifecycle?saved=true");
        });
    }

    @POST
    @Path("/evaluations")
    public Response evaluate() {
        return Submission.send(Typed.of(Map.of()), f -> page("WEEK", false, null, null), () -> {
            LifecycleViews.Evaluation done = lifecycle.evaluate();
            return URI.create("/console/lifecycle?changes=" + done.stageChanges() + "&rescored=" + done.rfmRescored());
        });
    }

    private TemplateInstance draw(Typed form, String period, boolean saved, LifecycleViews.Evaluation evaluated) {
        Lifecycle shown = new Lifecycle(lifecycle.distribution(), lifecycle.flow(period, PERIODS), lifecycle.pyramid(), lifecycle.earlyWarnings());
        return locale.on(Templates.page(Seat.of(platform), form, shown, saved, evaluated));
    }
}
