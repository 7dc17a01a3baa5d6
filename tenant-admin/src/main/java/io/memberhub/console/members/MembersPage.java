package io.memberhub.console.members;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.MemberViews;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Members: a searchable, filterable list and each member's portrait (profile, level and its history,
 * points and wallet ledgers, tags, coupons, activity), where staff edit the profile, put tags on and
 * take them off, and adjust points and stored value with a reason. Everything goes through the
 * platform's API with the signed-in person's token, so the platform's role rules and masking apply.
 */
@Path("/console/members")
@Produces(MediaType.TEXT_HTML)
public class MembersPage {

    private static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, MemberViews.Page members, Filter filter, List<LevelViews.Level> levels,
                                            List<MemberViews.Tag> tags, List<MemberWork.Segment> segments, List<MemberWork.FieldDefinition> fields);

        static native TemplateInstance portrait(Portrait p);

        static native TemplateInstance edit(Merchant merchant, MemberEditForm form, List<MemberWork.FieldDefinition> definitions);
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    @RestClient
    MemberWorkApi work;

    @Inject
    RequestLocale locale;

    @Inject
    Portraits portraits;

    /**
     * What the list is narrowed to; kept in the pager's links. A segment is listed by the platform's
     * segment API, which takes no other filter, so with a segment chosen the others rest.
     */
    public record Filter(String q, UUID level, UUID tag, UUID segment, String fieldKey, String fieldValue) {

        public boolean byField() {
            return !fieldKey.isEmpty() && !fieldValue.isEmpty();
        }

        /** The query string that keeps this filter on another page of the list. */
        public String query() {
            StringBuilder query = new StringBuilder("q=").append(encode(q));
            if (level != null) {
                query.append("&level=").append(level);
            }
            if (tag != null) {
                query.append("&tag=").append(tag);
            }
            if (segment != null) {
                query.append("&segment=").append(segment);
            }
            if (byField()) {
                query.append("&fieldKey=").append(encode(fieldKey)).append("&fieldValue=").append(encode(fieldValue));
            }
            return query.toString();
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("level") String level, @QueryParam("tag") String tag,
                                 @QueryParam("segment") String segment, @QueryParam("fieldKey") String fieldKey,
                                 @QueryParam("fieldValue") String fieldValue, @QueryParam("page") @DefaultValue("0") int page) {
        String query = q == null || q.isBlank() ? null : q.strip();
        Filter filter = new Filter(query == null ? "" : query, uuid(level), uuid(tag), uuid(segment), stripped(fieldKey), stripped(fieldValue));
        int shown = Math.max(page, 0);
        MemberViews.Page members = filter.segment() != null
                ? work.segmentMembers(filter.segment(), shown, PAGE_SIZE)
                : work.members(query, filter.level(), filter.tag(),
                        filter.byField() ? Map.of("field." + filter.fieldKey(), filter.fieldValue()) : Map.of(), shown, PAGE_SIZE);
        return locale.on(Templates.list(platform.merchant(), members, filter, platform.levels(), platform.allTags(), work.segments(), work.fields()));
    }

    /** A filter left on "any" (or tampered with) narrows nothing. */
    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The platform's CSV export, passed through as a download. */
    @GET
    @Path("/export")
    @Produces("text/csv")
    public Response export() {
        return Response.ok(platform.exportMembers(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"members.csv\"").build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance portrait(@PathParam("id") UUID id, @QueryParam("before") String before, @QueryParam("done") String done) {
        return portraits.draw(id, before, Portrait.Forms.fresh(), done);
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        return editor(MemberEditForm.of(work.member(id)));
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        MemberEditForm form = MemberEditForm.from(id, typed, work.fields());
        try {
            work.update(id, form.changes(work.member(id)));
        } catch (PlatformRefusal refused) {
            return refusal(refused, editor(form.refusedBy(refused.problem())));
        }
        return done(id, "profile");
    }

    private TemplateInstance editor(MemberEditForm form) {
        return locale.on(Templates.edit(platform.merchant(), form, work.fields()));
    }

    /** Puts a tag on the member: the one chosen, or a new manual tag of the name typed (created first). */
    @POST
    @Path("/{id}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tag(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        Portrait.TagForm form = new Portrait.TagForm(AdjustmentForm.text(typed, "tagId"), AdjustmentForm.text(typed, "newTag").strip(), null);
        try {
            UUID tagId = form.newTag().isEmpty() ? uuid(form.tagId()) : work.createTag(Map.of("name", form.newTag())).id();
            if (tagId == null) {
                return Response.status(400).entity(portraits.draw(id, null, Portrait.Forms.fresh()
                        .withTag(new Portrait.TagForm(form.tagId(), form.newTag(), "choose_tag")), null)).build();
            }
            work.tag(id, tagId);
        } catch (PlatformRefusal refused) {
            return refusal(refused, portraits.draw(id, null, Portrait.Forms.fresh()
                    .withTag(new Portrait.TagForm(form.tagId(), form.newTag(), message(refused))), null));
        }
        return done(id, "tags");
    }

    @POST
    @Path("/{id}/tags/{tagId}/removal")
    public Response untag(@PathParam("id") UUID id, @PathParam("tagId") UUID tagId) {
        try {
            work.untag(id, tagId);
        } catch (PlatformRefusal refused) {
            return refusal(refused, portraits.draw(id, null, Portrait.Forms.fresh()
                    .withTag(new Portrait.TagForm("", "", message(refused))), null));
        }
        return done(id, "tags");
    }

    @POST
    @Path("/{id}/points-adjustments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adjustPoints(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        return adjust(id, AdjustmentForm.from(typed), Adjusted.POINTS);
    }

    @POST
    @Path("/{id}/growth-adjustments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adjustGrowth(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        return adjust(id, AdjustmentForm.from(typed), Adjusted.GROWTH);
    }

    @POST
    @Path("/{id}/wallet-adjustments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response adjustWallet(@PathParam("id") UUID id, MultivaluedMap<String, String> typed) {
        return adjust(id, AdjustmentForm.from(typed), Adjusted.WALLET);
    }

    /** What a manual adjustment changes: points and growth in whole numbers, stored value in yuan typed and fen sent. */
    private enum Adjusted {
        POINTS("points", "whole_points"), GROWTH("growth", "whole_growth"), WALLET("wallet", "yuan_amount");

        final String section;
        final String check;

        Adjusted(String section, String check) {
            this.section = section;
            this.check = check;
        }

        Long amount(AdjustmentForm form) {
            return this == WALLET ? form.fen() : form.points();
        }

        Portrait.Forms shown(AdjustmentForm form) {
            return switch (this) {
                case POINTS -> Portrait.Forms.fresh().withPoints(form);
                case GROWTH -> Portrait.Forms.fresh().withGrowth(form);
                case WALLET -> Portrait.Forms.fresh().withWallet(form);
            };
        }
    }

    /** Sends a manual adjustment with the form's own Idempotency-Key. */
    private Response adjust(UUID id, AdjustmentForm form, Adjusted adjusted) {
        Long amount = adjusted.amount(form);
        if (amount == null || amount == 0) {
            return Response.status(400).entity(portraits.draw(id, null, adjusted.shown(form.invalid("amount", adjusted.check)), null)).build();
        }
        try {
            switch (adjusted) {
                case POINTS -> work.adjustPoints(id, form.key(), Map.of("points", amount, "reason", form.reason()));
                case GROWTH -> work.adjustGrowth(id, form.key(), Map.of("growth", amount, "reason", form.reason()));
                case WALLET -> work.adjustWallet(id, form.key(), Map.of("amount", amount, "reason", form.reason()));
            }
        } catch (PlatformRefusal refused) {
            return refusal(refused, portraits.draw(id, null, adjusted.shown(form.refusedBy(refused.problem())), null));
        }
        return done(id, adjusted.section);
    }

    private static Response done(UUID id, String what) {
        return Response.seeOther(URI.create("/console/members/" + id + "?done=" + what + "#" + what)).build();
    }

    /** A refusal the person can act on is shown on the page with its status; a lost session or a platform fault goes to the error pages. */
    private static Response refusal(PlatformRefusal refused, TemplateInstance page) {
        int status = refused.problem().status();
        if (status >= 500 || status == 401) {
            throw refused;
        }
        return Response.status(status).entity(page).build();
    }

    private static String message(PlatformRefusal refused) {
        if (refused.problem().status() == 403) {
            return "forbidden";
        }
        return refused.problem().detail() == null ? refused.problem().title() : refused.problem().detail();
    }
}
