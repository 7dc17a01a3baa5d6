package io.memberhub.plugins.gateapi.card;

import io.memberhub.plugin.api.PluginContext;
import io.memberhub.plugin.api.route.spi.RouteHandler;
import io.memberhub.plugin.api.route.spi.RouteRequest;
import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.gateapi.Names;
import io.memberhub.plugins.kit.BadRequest;
import io.memberhub.plugins.kit.JsonFields;
import io.memberhub.plugins.kit.Problems;
import io.memberhub.plugins.kit.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/**
 * {@code PUT /cards/{cardId}} {@code {"memberId"}}: the front desk (any staff role) hands a member a card;
 * {@code DELETE /cards/{cardId}} withdraws it; {@code GET /cards?member=} lists a member's cards.
 */
@Extension
public class CardRoutes implements RouteHandler {

    private static final String PREFIX = "/cards";

    @Override
    public RouteResponse handle(RouteRequest request, PluginContext context) {
        if (request.audience() != RouteRequest.Audience.STAFF || "device".equals(request.role())
                || !(request.path().equals(PREFIX) || request.path().startsWith(PREFIX + "/"))) {
            return RouteResponse.notFound();
        }
        if (request.path().equals(PREFIX)) {
            if (!request.method().equals("GET")) {
                return RouteResponse.notFound();
            }
            UUID member = memberParam(request.queryParam("member"));
            if (member == null) {
                return Problems.invalid(new BadRequest("member", "give the member's id: GET /cards?member={id}"));
            }
            return Routes.json(200, Map.of("memberId", member.toString(), "cards", CardStore.ofMember(context, member)));
        }
        String cardId = request.path().substring(PREFIX.length() + 1);
        if (request.method().equals("DELETE")) {
            return CardStore.withdraw(context, cardId) ? new RouteResponse(204, null, null, Map.of())
                    : Problems.notFound("CARD_NOT_FOUND", "No card '" + cardId + "'");
        }
        if (!request.method().equals("PUT")) {
            return RouteResponse.notFound();
        }
        try {
            JsonFields fields = new JsonFields(request.body(), "card", Set.of("memberId"));
            if (!Names.id(cardId)) {
                fields.error("cardId", "must be 1-64 of letters, digits, . _ : - starting with a letter or digit");
            }
            UUID member = fields.parsed("memberId", true, UUID::fromString, "must be a member id");
            fields.check();
            if (context.levels().of(member).isEmpty()) {
                return Problems.notFound("MEMBER_NOT_FOUND", "No member " + member);
            }
            CardStore.assign(context, cardId, member);
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("cardId", cardId);
            card.put("memberId", member.toString());
            return Routes.json(200, card);
        } catch (BadRequest bad) {
            return Problems.invalid(bad);
        }
    }

    private static UUID memberParam(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
