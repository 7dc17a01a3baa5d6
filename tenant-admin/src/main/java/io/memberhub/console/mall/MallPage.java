package io.memberhub.console.mall;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.loyalty.LoyaltyApi;
import io.memberhub.console.loyalty.LoyaltyViews;
import io.memberhub.console.platform.LevelViews;
import io.memberhub.console.platform.PlatformApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The points mall (积分商城): the merchant's rewards with publish, unpublish and stock changes, a
 * form for a new reward or an edit (a lottery's prizes one a line), and members' redemption orders
 * with fulfil and cancel. Times are typed and shown in the merchant's time zone.
 */
@Path("/console/mall")
@Produces(MediaType.TEXT_HTML)
public class MallPage {

    static final List<String> KINDS = List.of("GOODS", "COUPON", "SERVICE", "CHARITY", "LOTTERY");
    static final List<String> STATUSES = List.of("PLACED", "FULFILLED", "CANCELLED");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int ORDERS_SHOWN = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rewards(Seat seat, List<MallViews.Reward> rewards, List<MallViews.Redemption> orders, String status,
                                               Choices choices, Typed form, String done);

        static native TemplateInstance editor(Seat seat, MallViews.Reward reward, Typed form, Choices choices);
    }

    /** What the reward form offers to pick from, and how times read in the merchant's zone. */
    public record Choices(List<String> kinds, List<String> statuses, List<LoyaltyViews.CouponTemplate> coupons, List<LevelViews.Level> levels,
                          ZoneId zone) {

        public String when(Instant instant) {
            return instant == null ? "" : WHEN.format(instant.atZone(zone));
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
    MallApi mall;

    @Inject
    @RestClient
    LoyaltyApi loyalty;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance page(@QueryParam("status") String status, @QueryParam("done") String done) {
        return page(Typed.of(Map.of("kind", "GOODS")), status, done);
    }

    @POST
    @Path("/rewards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        Choices choices = choices();
        MallViews.RewardRequest request = request(form, choices, null);
        return Submission.send(form, MallPage::formField, f -> page(f, null, null),
                () -> {
                    mall.create(request);
                    return URI.create("/console/mall?done=created");
                });
    }

    @GET
    @Path("/rewards/{id}")
    public TemplateInstance reward(@PathParam("id") UUID id) {
        MallViews.Reward reward = mall.reward(id);
        Choices choices = choices();
        Map<String, String> values = new HashMap<>();
        values.put("kind", reward.kind());
        values.put("name", reward.name());
        values.put("description", reward.description() == null ? "" : reward.description());
        values.put("imageUrl", reward.imageUrl() == null ? "" : reward.imageUrl());
        values.put("pointsPrice", String.valueOf(reward.pointsPrice()));
        values.put("couponTemplateId", reward.couponTemplateId() == null ? "" : reward.couponTemplateId().toString());
        values.put("perMemberLimit", reward.perMemberLimit() == null ? "" : reward.perMemberLimit().toString());
        values.put("availableFrom", choices.when(reward.availableFrom()));
        values.put("availableUntil", choices.when(reward.availableUntil()));
        values.put("minLevelId", reward.minLevel() == null ? "" : reward.minLevel().id().toString());
        values.put("prizes", prizeLines(reward, choices));
        return editor(reward, Typed.of(values), choices);
    }

    @POST
    @Path("/rewards/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        MallViews.Reward reward = mall.reward(id);
        Choices choices = choices();
        MallViews.RewardRequest request = request(form, choices, reward);
        return Submission.send(form, MallPage::formField, f -> editor(reward, f, choices), () -> {
            mall.update(id, request);
            return URI.create("/console/mall?done=saved");
        });
    }

    @POST
    @Path("/rewards/{id}/publication")
    public Response publish(@PathParam("id") UUID id) {
        return act(() -> mall.publish(id), "published");
    }

    @POST
    @Path("/rewards/{id}/unpublication")
    public Response unpublish(@PathParam("id") UUID id) {
        return act(() -> mall.unpublish(id), "unpublished");
    }

    @POST
    @Path("/rewards/{id}/stock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stock(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        MallViews.StockChange change = new MallViews.StockChange(form.whole("delta"), form.id("prizeId"));
        return Submission.send(form, f -> page(f, null, null), () -> {
            mall.adjustStock(id, change);
            return URI.create("/console/mall?done=stock");
        });
    }

    @POST
    @Path("/redemptions/{id}/fulfilment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fulfil(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        return act(() -> mall.fulfil(id, new MallViews.Note(form.text("note"))), "fulfilled");
    }

    @POST
    @Path("/redemptions/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id, MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        return act(() -> mall.cancel(id, new MallViews.Reason(form.text("reason"))), "cancelled");
    }

    private Response act(Runnable call, String done) {
        return Submission.send(Typed.of(Map.of("kind", "GOODS")), f -> page(f, null, null), () -> {
            call.run();
            return URI.create("/console/mall?done=" + done);
        });
    }

    /** The platform's field of a cross-field check, as the form field it concerns. */
    private static String formField(String field) {
        return switch (field) {
            case "windowOrdered" -> "availableUntil";
            case "couponTemplateFitting" -> "couponTemplateId";
            case "prizesFitting" -> "prizes";
            default -> null;
        };
    }

    /** The request the form describes; what cannot be read is marked on the form. {@code editing} is the reward being edited, if any. */
    private MallViews.RewardRequest request(Typed form, Choices choices, MallViews.Reward editing) {
        String kind = form.get("kind") != null && KINDS.contains(form.get("kind")) ? form.get("kind") : "GOODS";
        List<MallViews.PrizeRequest> prizes = "LOTTERY".equals(kind) ? prizes(form, choices, editing) : null;
        return new MallViews.RewardRequest(kind, form.get("name"), form.text("description"), form.text("imageUrl"), form.whole("pointsPrice"),
                editing == null ? form.whole("stock") : null, "COUPON".equals(kind) ? form.id("couponTemplateId") : null,
                form.wholeInt("perMemberLimit"), instant(form, "availableFrom", choices.zone()), instant(form, "availableUntil", choices.zone()),
                form.id("minLevelId"), prizes);
    }

    /** "2026-12-24 18:00" or "2026-12-24" (midnight) in the merchant's zone; null when empty. */
    private Instant instant(Typed form, String key, ZoneId zone) {
        String text = form.text(key);
        if (text == null) {
            return null;
        }
        try {
            return text.strip().length() <= 10 ? LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant()
                    : LocalDateTime.parse(text.strip(), WHEN).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            form.reject(key, messages().bad_time());
            return null;
        }
    }

    /**
     * A lottery's prizes, one a line: {@code kind | name | weight | stock | coupon template name}, the
     * last two optional. A line naming a prize the lottery has keeps that prize (and its stock).
     */
    private List<MallViews.PrizeRequest> prizes(Typed form, Choices choices, MallViews.Reward editing) {
        List<MallViews.PrizeRequest> prizes = new ArrayList<>();
        String[] lines = form.get("prizes").split("\\R");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String kind = cells[0].strip().toUpperCase(java.util.Locale.ROOT);
            if (cells.length < 3 || !List.of("NONE", "GOODS", "COUPON").contains(kind) || cells[1].isBlank()
                    || !cells[2].strip().matches("\\d{1,10}") || (cells.length > 3 && !cells[3].strip().matches("\\d{0,10}"))) {
                form.reject("prizes", messages().bad_prize_line(line.strip()));
                return List.of();
            }
            String name = cells[1].strip();
            UUID template = null;
            if (cells.length > 4 && !cells[4].isBlank()) {
                template = choices.coupons().stream().filter(c -> c.name().equals(cells[4].strip())).map(LoyaltyViews.CouponTemplate::id)
                        .findFirst().orElse(null);
                if (template == null) {
                    form.reject("prizes", messages().unknown_coupon(cells[4].strip()));
                    return List.of();
                }
            }
            UUID kept = editing == null ? null : editing.prizes().stream().filter(p -> p.name().equals(name)).map(MallViews.Prize::id)
                    .findFirst().orElse(null);
            Long stock = cells.length > 3 && !cells[3].isBlank() && kept == null ? Long.valueOf(cells[3].strip()) : null;
            prizes.add(new MallViews.PrizeRequest(kept, kind, name, Long.valueOf(cells[2].strip()), stock, template));
        }
        return prizes;
    }

    private static String prizeLines(MallViews.Reward reward, Choices choices) {
        StringBuilder lines = new StringBuilder();
        for (MallViews.Prize p : reward.prizes()) {
            lines.append(p.kind()).append(" | ").append(p.name()).append(" | ").append(p.weight()).append(" | ")
                    .append(p.stock() == null ? "" : p.stock());
            if (p.couponTemplateId() != null) {
                lines.append(" | ").append(choices.couponName(p.couponTemplateId()));
            }
            lines.append('\n');
        }
        return lines.toString();
    }

    private MallMessages messages() {
        return MessageBundles.get(MallMessages.class, Localized.Literal.of(locale.get().toLanguageTag()));
    }

    private TemplateInstance page(Typed form, String status, String done) {
        String shown = status != null && STATUSES.contains(status) ? status : "PLACED";
        return locale.on(Templates.rewards(Seat.of(platform), mall.rewards(), mall.redemptions(shown, ORDERS_SHOWN), shown, choices(), form,
                done));
    }

    private TemplateInstance editor(MallViews.Reward reward, Typed form, Choices choices) {
        return locale.on(Templates.editor(Seat.of(platform), reward, form, choices));
    }

    private Choices choices() {
        String zone = loyalty.pointsSettings().timeZone();
        return new Choices(KINDS, STATUSES, loyalty.couponTemplates(), platform.levels(), ZoneId.of(zone == null ? "Asia/Shanghai" : zone));
    }
}
