package io.memberhub.console.loyalty;

import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's points, stored value and coupon settings, called with the signed-in person's own token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface LoyaltyApi {

    @GET
    @Path("/points/settings")
    LoyaltyViews.PointsSettings pointsSettings();

    @PUT
    @Path("/points/settings")
    LoyaltyViews.PointsSettings putPointsSettings(LoyaltyViews.PointsSettings settings);

    @GET
    @Path("/wallet/bonus-tiers")
    LoyaltyViews.BonusTiers bonusTiers();

    @PUT
    @Path("/wallet/bonus-tiers")
    LoyaltyViews.BonusTiers putBonusTiers(LoyaltyViews.BonusTiers tiers);

    @GET
    @Path("/coupon-templates")
    List<LoyaltyViews.CouponTemplate> couponTemplates();

    @POST
    @Path("/coupon-templates")
    LoyaltyViews.CouponTemplate createCouponTemplate(LoyaltyViews.CouponTemplate template);
}
