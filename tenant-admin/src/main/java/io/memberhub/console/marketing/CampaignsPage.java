package io.memberhub.console.marketing;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.loyalty.LoyaltyApi;
import io.memberhub.console.loyalty.LoyaltyViews;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Marketing campaigns: the list with each one's reach, a form for a new one (occasion, audience,
 * coupon, points, message), and a campaign's page with its results (reached, coupons issued and
 * redeemed, buyers, orders, messages sent and failed, the send log), a dry run, run now, pause,
 * resume and delete. Quiet hours and the send cap are the marketing settings.
 */
@Path("/console/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignsPage {

    static final List<String> TRIGGERS = List.of("WELCOME", "BIRTHDAY", "DORMANT", "POINTS_EXPIRING", "COUPON_EXPIRING", "LEVEL_UP", "LEVEL_DOWN",
            "STAGE_ENTERED");
    static final List<String> CHANNELS = List.of("LOG", "SMS", "PLUGIN");
    private static final int SENDS_SHOWN = 50;
    static final int ARMS = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Seat seat, List<Line> campaigns);

        static native TemplateInstance editor(Seat seat, Typed form, Choices choices);

        static native TemplateInstance campaign(Seat seat, MarketingViews.Campaign campaign, MarketingViews.Effect effect, SendCounts counts,
                                                List<MarketingViews.Send> sends, MarketingViews.DryRun dryRun, Typed form, Choices choices,
                                                MarketingViews.Run ran, MarketingViews.Experiment experiment,
                                                MarketingViews.ExperimentReport report, List<ArmRow> armRows);

        static native TemplateInstance settings(Seat seat, Typed form, boolean saved);
    }

    /** A campaign in the list with what it has reached so far. */
    public record Line(MarketingViews.Campaign campaign, MarketingViews.Effect effect, String audience) {
    }

    /** What the campaign form offers to pick from, and how the campaign page names what was picked. */
    public record Choices(List<String> triggers, List<String> channels, List<MarketingViews.Segment> segments,
                          List<LoyaltyViews.CouponTemplate> coupons, List<LevelViews.Level> levels) {

        public String segmentName(UUID id) {
            return segments.stream().filter(s -> s.id().equals(id)).map(MarketingViews.Segment::name).findFirst().orElse("");
        }

        public String couponName(UUID id) {
            return coupons.stream().filter(c -> c.id().equals(id)).map(LoyaltyViews.CouponTemplate::name).findFirst().orElse("");
        }

        public String levelName(UUID id) {
            return levels.stream().filter(l -> l.id().equals(id)).map(LevelViews.Level::name).findFirst().orElse("");
        }
    }

    /** One arm row of the A/B test form as typed (empty rows to start with: A, B and a control group). */
    public record ArmRow(int index, String name, String weight, boolean control, String coupon, String points, String text) {

        static List<ArmRow> of(Typed form) {
            boolean typed = java.util.stream.IntStream.range(0, ARMS).anyMatch(i -> !form.isBlank("arm" + i + "Name"));
            List<ArmRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < ARMS; i++) {
                String p = "arm" + i;
                rows.add(typed ? new ArmRow(i, value(form, p + "Name"), value(form, p + "Weight"), "on".equals(form.get(p + "Control")),
                        value(form, p + "Coupon"), value(form, p + "Points"), value(form, p + "Text"))
                        : new ArmRow(i, List.of("A", "B", "CONTROL").get(i), i == 0 ? "40" : "30", i == 2, "", "", ""));
            }
            return rows;
        }

        private static String value(Typed form, String key) {
            return form.get(key);
        }
    }

    /** The send log counted: members reached or passed over, and how their messages went. */
    public record SendCounts(long sent, long skippedCap, long skippedOptedOut, long messagesSent, long messagesFailed, long messagesPending) {

        static SendCounts of(List<MarketingViews.Send> sends) {
            return new SendCounts(count(sends, "SENT", null), count(sends, "SKIPPED_CAP", null), count(sends, "SKIPPED_OPTED_OUT", null),
                    count(sends, null, "SENT"), count(sends, null, "FAILED"), count(sends, null, "PENDING"));
        }

        private static long count(List<MarketingViews.Send> sends, String outcome, String messageStatus) {
            return sends.stream().filter(s -> outcome == null || outcome.equals(s.outcome()))
                    .filter(s -> messageStatus == null || messageStatus.equals(s.messageStatus())).count();
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
        Map<UUID, String> segments = new java.util.HashMap<>();
        marketing.segments().forEach(s -> segments.put(s.id(), s.name()));
        List<Line> lines = marketing.campaigns().stream()
                .map(c -> new Line(c, marketing.effect(c.id()), c.segmentId() == null ? null : segments.getOrDefault(c.segmentId(), "")))
                .toList();
        return locale.on(Templates.list(Seat.of(platform), lines));
    }

    @GET
    @Path("/new")
    public TemplateInstance newCampaign() {
        return editor(Typed.of(Map.of("trigger", "WELCOME", "effectDays", "7")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        MarketingViews.Message message = CHANNELS.contains(form.get("channel"))
                ? new MarketingViews.Message(form.get("channel"), form.get("text"), form.text("pluginChannel")) : null;
        MarketingViews.CampaignRequest request = new MarketingViews.CampaignRequest(form.get("name"), form.get("trigger"),
                form.wholeInt("days"), form.id("levelId"), form.id("segmentId"), form.id("couponTemplateId"), form.whole("points"), message,
                form.wholeInt("effectDays"), SegmentsPage.STAGES.contains(form.get("stage")) ? form.get("stage") : null);
        return Submission.send(form, field -> field.startsWith("message.") ? field.substring("message.".length()) : null, this::editor,
                () -> URI.create("/console/campaigns/" + marketing.createCampaign(request).id()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance campaign(@PathParam("id") UUID id, @QueryParam("dryRun") boolean dryRun, @QueryParam("ran") String ran) {
        return page(id, Typed.of(Map.of()), dryRun ? marketing.dryRun(id) : null, ranOf(ran));
    }

    /** What the redirect after "run now" says the run did: {@code quiet}, or sent, skipped and failed messages. */
    private static MarketingViews.Run ranOf(String ran) {
        if (ran == null || !ran.matches("quiet|\\d+,\\d+,\\d+")) {
            return null;
        }
        if ("quiet".equals(ran)) {
            return new MarketingViews.Run(true, 0, 0, 0, 0);
        }
        String[] n = ran.split(",");
        return new MarketingViews.Run(false, Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), 0);
    }

    @POST
    @Path("/{id}/runs")
    public Response run(@PathParam("id") UUID id) {
        return act(id, () -> {
            MarketingViews.Run run = marketing.run(id);
            return "?ran=" + (run.quietHoursNow() ? "quiet" : run.sent() + "," + run.skipped() + "," + run.messagesFailed());
        });
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") UUID id) {
        return act(id, () -> {
            marketing.pause(id);
            return "";
        });
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") UUID id) {
        return act(id, () -> {
            marketing.resume(id);
            return "";
        });
    }

    @POST
    @Path("/{id}/deletion")
    public Response delete(@PathParam("id") UUID id) {
        return Submission.send(Typed.of(Map.of()), f -> page(id, f, null, null), () -> {
            marketing.deleteCampaign(id);
            return URI.create("/console/campaigns");
        });
    }

    @GET
    @Path("/settings")
    public TemplateInstance settings(@QueryParam("saved") boolean saved) {
        MarketingViews.Settings s = marketing.settings();
        return settingsPage(Typed.of(Map.of("quietStart", text(s.quietStart()), "quietEnd", text(s.quietEnd()),
                "maxSends", text(s.maxSends()), "perDays", text(s.perDays()))), saved);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        MarketingViews.Settings settings = new MarketingViews.Settings(form.text("quietStart"), form.text("quietEnd"),
                form.wholeInt("maxSends"), form.wholeInt("perDays"));
        return Submission.send(form, f -> settingsPage(f, false), () -> {
            marketing.putSettings(settings);
            return URI.create("/console/campaigns/settings?saved=true");
        });
    }

    private Response act(UUID id, java.util.function.Supplier<String> action) {
        return Submission.send(Typed.of(Map.of()), f -> page(id, f, null, null),
                () -> URI.create("/console/campaigns/" + id + action.get()));
    }

    private TemplateInstance page(UUID id, Typed form, MarketingViews.DryRun dryRun, MarketingViews.Run ran) {
        List<MarketingViews.Send> sends = marketing.sends(id);
        MarketingViews.Campaign campaign = marketing.campaign(id);
        MarketingViews.Experiment experiment = experiment(id);
        return locale.on(Templates.campaign(Seat.of(platform), campaign, marketing.effect(id), SendCounts.of(sends),
                sends.stream().limit(SENDS_SHOWN).toList(), dryRun, form, choices(), ran, experiment,
                experiment == null ? null : marketing.experimentReport(id), ArmRow.of(form)));
    }

    /** The campaign's A/B test, or null when it has none. */
    private MarketingViews.Experiment experiment(UUID id) {
        try {
            return marketing.experiment(id);
        } catch (PlatformRefusal refused) {
            if (refused.problem().status() == 404) {
                return null;
            }
            throw refused;
        }
    }

    /**
     * Sets up the A/B test from up to {@value #ARMS} arm rows ({@code arm<i>Name}, {@code Weight}, {@code Control}, {@code Points},
     * {@code Coupon}, {@code Text}); a row without a name is left out.
     */
    @POST
    @Path("/{id}/experiment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setUpExperiment(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        List<MarketingViews.Arm> arms = new java.util.ArrayList<>();
        for (int i = 0; i < ARMS; i++) {
            String name = form.text("arm" + i + "Name");
            if (name != null) {
                arms.add(new MarketingViews.Arm(name.strip(), form.wholeInt("arm" + i + "Weight"), "on".equals(form.get("arm" + i + "Control")),
                        form.id("arm" + i + "Coupon"), form.whole("arm" + i + "Points"), form.text("arm" + i + "Text")));
            }
        }
        MarketingViews.ExperimentRequest request = new MarketingViews.ExperimentRequest(form.wholeInt("conversionDays"), arms);
        return Submission.send(form, f -> page(id, f, null, null), () -> {
            marketing.putExperiment(id, request);
            return URI.create("/console/campaigns/" + id + "#experiment");
        });
    }

    @POST
    @Path("/{id}/experiment/end")
    public Response endExperiment(@PathParam("id") UUID id) {
        return act(id, () -> {
            marketing.endExperiment(id);
            return "#experiment";
        });
    }

    private TemplateInstance editor(Typed form) {
        return locale.on(Templates.editor(Seat.of(platform), form, choices()));
    }

    private TemplateInstance settingsPage(Typed form, boolean saved) {
        return locale.on(Templates.settings(Seat.of(platform), form, saved));
    }

    private Choices choices() {
        return new Choices(TRIGGERS, CHANNELS, marketing.segments(), loyalty.couponTemplates(), platform.levels());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
