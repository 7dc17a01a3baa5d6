package io.memberhub.console.loyalty;

import io.memberhub.console.forms.Seat;
import io.memberhub.console.forms.Submission;
import io.memberhub.console.forms.Typed;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.levels.Yuan;
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
import java.util.stream.IntStream;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Top-up bonus tiers (pay 1000 yuan, hold 1100): the tiers as rows in yuan, saved all at once
 * ({@code PUT /api/v1/wallet/bonus-tiers}); rows left empty are dropped.
 */
@Path("/console/wallet")
@Produces(MediaType.TEXT_HTML)
public class WalletPage {

    /** The platform keeps at most 20 tiers; the form offers a few empty rows beyond those held. */
    static final int MAX_ROWS = 20;
    private static final int SPARE_ROWS = 3;
    private static final Pattern TIER_FIELD = Pattern.compile("tiers\\[(\\d+)]\\.(minAmount|bonusAmount)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance wallet(Seat seat, Typed form, List<TierRow> rows, List<LoyaltyViews.Tier> tiers, boolean saved);
    }

    /** Row {@code index} of the form, its fields named {@code minAmount_<index>} and {@code bonusAmount_<index>}. */
    public record TierRow(int index) {

        public String minName() {
            return "minAmount_" + index;
        }

        public String bonusName() {
            return "bonusAmount_" + index;
        }

        public int number() {
            return index + 1;
        }
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
        List<LoyaltyViews.Tier> tiers = loyalty.bonusTiers().tiers();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < tiers.size(); i++) {
            values.put("minAmount_" + i, Yuan.fromFen(tiers.get(i).minAmount()));
            values.put("bonusAmount_" + i, Yuan.fromFen(tiers.get(i).bonusAmount()));
        }
        return page(Typed.of(values), tiers.size() + SPARE_ROWS, tiers, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> submitted) {
        Typed form = Typed.of(submitted);
        int rows = Math.min(MAX_ROWS + SPARE_ROWS, form.wholeInt("rows") == null ? 0 : form.wholeInt("rows"));
        List<LoyaltyViews.Tier> tiers = new ArrayList<>();
        List<Integer> rowOfTier = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (form.isBlank("minAmount_" + i) && form.isBlank("bonusAmount_" + i)) {
                continue;
            }
            tiers.add(new LoyaltyViews.Tier(form.fen("minAmount_" + i), form.fen("bonusAmount_" + i)));
            rowOfTier.add(i);
        }
        List<LoyaltyViews.Tier> held = loyalty.bonusTiers().tiers();
        return Submission.send(form, field -> rowField(field, rowOfTier), f -> page(f, rows, held, false), () -> {
            loyalty.putBonusTiers(new LoyaltyViews.BonusTiers(tiers));
            return URI.create("/console/wallet?saved=true");
        });
    }

    private TemplateInstance page(Typed form, int rows, List<LoyaltyViews.Tier> tiers, boolean saved) {
        List<TierRow> shown = IntStream.range(0, Math.max(rows, 1)).mapToObj(TierRow::new).toList();
        return locale.on(Templates.wallet(Seat.of(platform), form, shown, tiers, saved));
    }

    /** {@code tiers[1].minAmount} is about the form row the second tier sent came from. */
    private static String rowField(String platformField, List<Integer> rowOfTier) {
        Matcher m = TIER_FIELD.matcher(platformField);
        if (m.matches() && Integer.parseInt(m.group(1)) < rowOfTier.size()) {
            return m.group(2) + "_" + rowOfTier.get(Integer.parseInt(m.group(1)));
        }
        return platformField.startsWith("tiers") ? "tiers" : null;
    }
}
