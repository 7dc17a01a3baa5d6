package io.memberhub.platform.checkout;

import io.memberhub.platform.level.MemberLevels;
import io.memberhub.platform.level.Privileges;
import io.memberhub.platform.member.MemberService;
import io.memberhub.platform.plugin.PluginBenefits;
import io.memberhub.platform.points.PointsRedemptions;
import io.memberhub.platform.points.PointsSettings;
import io.memberhub.platform.points.PointsSettingsService;
import io.memberhub.platform.points.Redemption;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.TenantTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Prices a basket for a member by the benefits of their level. Changes nothing, beyond writing off points past their validity. */
@ApplicationScoped
@Transactional
@TenantTransaction
public class CheckoutQuotes {

    @Inject
    MemberService members;

    @Inject
    MemberLevels levels;

    @Inject
    PointsSettingsService pointsSettings;

    @Inject
    PointsRedemptions redemptions;

    @Inject
    PluginBenefits pluginBenefits;

    public QuoteResponse quote(CallContext call, QuoteRequest request) {
        members.requireLive(call, request.memberId());
        Privileges privileges = levels.privileges(call, request.memberId());
        long amount = request.amount();
        long payable = Math.multiplyExact(amount, (long) privileges.discountPercent()) / 100;
        long shippingFee = request.shippingFee() == null ? 0 : request.shippingFee();
        boolean freeShipping = privileges.freeShippingOver() != null && payable >= privileges.freeShippingOver();
        long total = payable + (freeShipping ? 0 : shippingFee);
        PointsSettings rules = pointsSettings.get(call);
        List<PointsSettings.Line> lines = request.items() == null ? List.of()
                : request.items().stream().map(i -> new PointsSettings.Line(i.category(), i.amount())).toList();
        long points = rules.pointsFor(payable, lines, privileges.pointsPercent(), Instant.now());
        Redemption.Quote redeemable = redemptions.quote(call, request.memberId(), payable);
        return new QuoteResponse(request.memberId(), privileges.level(), amount, amount - payable, payable, shippingFee, freeShipping,
                total, points, redeemable.maxPoints(), redeemable.maxDiscount(), privileges.benefits(),
                pluginBenefits.of(call, request.memberId(), privileges.level() == null ? null : privileges.level().name()));
    }
}
