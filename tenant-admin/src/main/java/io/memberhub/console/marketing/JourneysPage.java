package io.memberhub.console.marketing;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.loyalty.LoyaltyApi;
import io.memberhub.console.loyalty.LoyaltyViews;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Journeys: the list with how many entered and completed each, a form defining one (entry trigger,
 * exits, up to {@value #STEPS} steps each with a wait, a condition and what it gives or says), and a
 * journey's page with its steps, its funnel, activate, pause, run now and delete.
 */
@Path("/console/journeys")
@Produces(MediaType.TEXT_HTML)
public class JourneysPage {

    static final int STEPS = 5;
    static final List<String> TRIGGERS = List.of("REGISTERED", "TAG_ADDED", "EVENT");
    static final List<String> EXITS = List.of("ORDERED", "OPTED_OUT", "TAG_REMOVED");
    static final List<String> CONDITIONS = List.of("ALWAYS", "COUPON_UNUSED", "HAS_ORDERED", "NOT_ORDERED");
    static final List<String> IF_UNMET = List.of("SKIP", "WAIT", "EXIT");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance journeys(Seat seat, List<Line> journeys);

        static native TemplateInstance editor(Seat seat, Typed form, Choices choices, List<StepRow> steps);

        static native TemplateInstance journey(Seat seat, MarketingViews.Journey journey, MarketingViews.Funnel funnel, Typed form,
                                               Choices choices, MarketingViews.JourneyRun ran);
    }

    /** One step row of the journey form as typed ({@code step<i>Name}, {@code Delay}, ...); a row without a name is left out. */
    public record StepRow(int index, String name, String delay, String condition, String ifUnmet, String coupon, String points,
                          String channel, String text) {

        static List<StepRow> of(Typed form) {
            List<StepRow> rows = new ArrayList<>();
            for (int i = 0; i < STEPS; i++) {
                String p = "step" + i;
                rows.add(new StepRow(i, form.get(p + "Name"), form.get(p + "Delay"), form.get(p + "Condition"), form.get(p + "IfUnmet"),
                        form.get(p + "Coupon"), form.get(p + "Points"), form.get(p + "Channel"), form.get(p + "Text")));
            }
            return rows;
        }
    }

    /** A journey in the list with its funnel's ends. */
    public record Line(MarketingViews.Journey journey, MarketingViews.Funnel funnel) {
    }

    /** What the journey form offers, and how the journey page names what was picked. */
    public record Choices(List<String> triggers, List<String> exits, List<String> conditions, List<String> ifUnmet, List<String> channels,
                          List<MarketingViews.Tag> tags, List<LoyaltyViews.CouponTemplate> coupons) {

        public String tagName(UUID id) {
            return tags.stream().filter(t -> t.id().equals(id)).map(MarketingViews.Tag::name).findFirst().orElse("");
        }

        public String couponName(UUID id) {
            return coupons.stream().filter(c -> c.id().equals(id)).map(LoyaltyViews.CouponTemplate::name).findFirst().orElse("");
        }
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    MarketingApi marketing;

    @Inject
    @RestClient
    LoyaltyApi loyalty;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        List<Line> lines = marketing.journeys().stream().map(j -> new Line(j, marketing.funnel(j.id()))).toList();
        return locale.on(Templates.journeys(Seat.of(platform), lines));
    }

    @GET
    @Path("/new")
    public TemplateInstance newJourney() {
        return editor(Typed.of(Map.of("trigger", "REGISTERED", "step0Delay", "PT0M")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        List<MarketingViews.JourneyStep> steps = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            String p = "step" + i;
            if (form.isBlank(p + "Name")) {
                continue;
            }
            MarketingViews.Message message = form.isBlank(p + "Channel") ? null
                    : new MarketingViews.Message(form.get(p + "Channel"), form.get(p + "Text"), null);
            steps.add(new MarketingViews.JourneyStep(form.get(p + "Name"), form.text(p + "Delay"), form.text(p + "Condition"),
                    form.text(p + "IfUnmet"), form.id(p + "Coupon"), form.whole(p + "Points"), message));
        }
        List<String> exits = form.isBlank("exitWhen") ? List.of() : Arrays.asList(form.get("exitWhen").split(","));
        MarketingViews.JourneyRequest request = new MarketingViews.JourneyRequest(form.get("name"),
                new MarketingViews.JourneyEntry(form.get("trigger"), form.id("tagId"), form.text("eventType")), exits, steps);
        return Submission.send(form, field -> field.startsWith("entry.") ? field.substring("entry.".length()) : null, this::editor,
                () -> URI.create("/console/journeys/" + marketing.createJourney(request).id()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance journey(@PathParam("id") UUID id, @QueryParam("ran") String ran) {
        return page(id, Typed.of(Map.of()), ranOf(ran));
    }

    /** What the redirect after "run now" says the run did: entered, reached, skipped, completed, exited, failed messages. */
    private static MarketingViews.JourneyRun ranOf(String ran) {
        if (ran == null || !ran.matches("quiet|\\d+(,\\d+){5}")) {
            return null;
        }
        if ("quiet".equals(ran)) {
            return new MarketingViews.JourneyRun(true, 0, 0, 0, 0, 0, 0);
        }
        int[] n = Arrays.stream(ran.split(",")).mapToInt(Integer::parseInt).toArray();
        return new MarketingViews.JourneyRun(false, n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    @POST
    @Path("/{id}/runs")
    public Response run(@PathParam("id") UUID id) {
        return act(id, () -> {
            MarketingViews.JourneyRun run = marketing.runJourney(id);
            return "?ran=" + (run.quietHoursNow() ? "quiet" : run.entered() + "," + run.reached() + "," + run.skipped() + ","
                    + run.completed() + "," + run.exited() + "," + run.messagesFailed());
        });
    }

    @POST
    @Path("/{id}/activate")
    public Response activate(@PathParam("id") UUID id) {
        return act(id, () -> {
            marketing.activateJourney(id);
            return "";
        });
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") UUID id) {
        return act(id, () -> {
            marketing.pauseJourney(id);
            return "";
        });
    }

    @POST
    @Path("/{id}/deletion")
    public Response delete(@PathParam("id") UUID id) {
        return Submission.send(Typed.of(Map.of()), f -> page(id, f, null), () -> {
            marketing.deleteJourney(id);
            return URI.create("/console/journeys");
        });
    }

    private Response act(UUID id, Supplier<String> action) {
        return Submission.send(Typed.of(Map.of()), f -> page(id, f, null), () -> URI.create("/console/journeys/" + id + action.get()));
    }

    private TemplateInstance page(UUID id, Typed form, MarketingViews.JourneyRun ran) {
        return locale.on(Templates.journey(Seat.of(platform), marketing.journey(id), marketing.funnel(id), form, choices(), ran));
    }

    private TemplateInstance editor(Typed form) {
        return locale.on(Templates.editor(Seat.of(platform), form, choices(), StepRow.of(form)));
    }

    private Choices choices() {
        return new Choices(TRIGGERS, EXITS, CONDITIONS, IF_UNMET, CampaignsPage.CHANNELS.subList(0, 2), marketing.tags(), loyalty.couponTemplates());
    }
}
