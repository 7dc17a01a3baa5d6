package io.memberhub.console.marketing;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.MemberViews;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Segments: saved audiences with their live size; a form for the whole filter the platform knows
 * (tags all carried, tags none carried, levels, gender, source, field values: it has no nesting,
 * so the form holds every segment as it is) and the segment's members now.
 */
@Path("/console/segments")
@Produces(MediaType.TEXT_HTML)
public class SegmentsPage {

    static final List<String> GENDERS = List.of("MALE", "FEMALE", "UNDISCLOSED");
    static final List<String> STAGES = List.of("PROSPECT", "NEW", "ACTIVE", "AT_RISK", "DORMANT", "WON_BACK");
    static final List<Integer> SCORES = List.of(1, 2, 3, 4, 5);
    private static final int MEMBERS_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Seat seat, List<MarketingViews.Segment> segments);

        static native TemplateInstance editor(Seat seat, UUID id, Typed form, List<MarketingViews.Tag> tags, List<LevelViews.Level> levels,
                                              List<String> genders, List<String> stages, List<Integer> scores, MemberViews.Page members);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    MarketingApi marketing;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return locale.on(Templates.list(Seat.of(platform), marketing.segments()));
    }

    @GET
    @Path("/new")
    public TemplateInstance newSegment() {
        return editor(null, Typed.of(Map.of()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        MarketingViews.Segment segment = marketing.segment(id);
        MarketingViews.Filter filter = segment.filter();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", segment.name());
        values.put("description", segment.description() == null ? "" : segment.description());
        values.put("tags", joined(filter.tags()));
        values.put("withoutTags", joined(filter.withoutTags()));
        values.put("levels", joined(filter.levels()));
        values.put("gender", filter.gender() == null ? "" : filter.gender());
        values.put("source", filter.source() == null ? "" : filter.source());
        values.put("fields", Typed.linesOf(filter.fields()));
        values.put("stages", String.join(",", filter.stages()));
        values.put("recencyScores", joinedScores(filter.recencyScores()));
        values.put("frequencyScores", joinedScores(filter.frequencyScores()));
        values.put("monetaryScores", joinedScores(filter.monetaryScores()));
        return editor(id, Typed.of(values));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        return save(null, Typed.of(submitted));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        return save(id, Typed.of(submitted));
    }

    @POST
    @Path("/{id}/deletion")
    public Response delete(@PathParam("id") UUID id) {
        return Submission.send(Typed.of(Map.of()), f -> editor(id, f), () -> {
            marketing.deleteSegment(id);
            return URI.create("/console/segments");
        });
    }

    private Response save(UUID id, Typed form) {
        MarketingViews.Filter filter = new MarketingViews.Filter(form.ids("tags"), form.ids("withoutTags"), form.ids("levels"),
                GENDERS.contains(form.get("gender")) ? form.get("gender") : null, form.text("source"), form.lines("fields"),
                chosen(form, "stages", STAGES), scores(form, "recencyScores"), scores(form, "frequencyScores"), scores(form, "monetaryScores"));
        MarketingViews.SegmentRequest request = new MarketingViews.SegmentRequest(form.get("name"), form.text("description"), filter);
        return Submission.send(form, SegmentsPage::fieldOf, f -> editor(id, f), () -> {
            UUID saved = id == null ? marketing.createSegment(request).id() : marketing.updateSegment(id, request).id();
            return URI.create("/console/segments/" + saved);
        });
    }

    private TemplateInstance editor(UUID id, Typed form) {
        MemberViews.Page members = id == null ? null : marketing.segmentMembers(id, 0, MEMBERS_SHOWN);
        return locale.on(Templates.editor(Seat.of(platform), id, form, marketing.tags(), platform.levels(), GENDERS, STAGES, SCORES, members));
    }

    /** {@code filter.tags[0]} is about the tags chosen. */
    private static String fieldOf(String platformField) {
        return platformField.startsWith("filter.") ? platformField.substring("filter.".length()).split("[.\\[<]", 2)[0] : null;
    }

    /** Lifecycle stages and RFM scores come from checkboxes: only the offered values are taken. */
    private static List<String> chosen(Typed form, String key, List<String> offered) {
        return offered.stream().filter(value -> form.has(key, value)).toList();
    }

    private static List<Integer> scores(Typed form, String key) {
        return SCORES.stream().filter(score -> form.has(key, score)).toList();
    }

    private static String joinedScores(List<Integer> scores) {
        return scores.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String joined(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
