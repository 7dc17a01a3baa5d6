package io.memberhub.platform.coupon;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.coupon.Coupons.TemplateRequest;
import io.memberhub.platform.coupon.Coupons.TemplateResponse;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/coupon-templates")
@Tag(name = "Coupons")
public class CouponTemplateResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    CouponService coupons;

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "The merchant's coupon templates")
    public List<TemplateResponse> list() {
        return coupons.templates(currentCall.get());
    }

    @POST
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Define a coupon template", description = "AMOUNT_OFF (value in fen) or PERCENT_OFF (value 1-99), minimum spend, validity days.")
    @Audited(value = "coupon_template.created", target = "coupon_template", targetId = "answer.id")
    public Response create(@Valid @NotNull TemplateRequest request) {
        return Response.status(201).entity(coupons.createTemplate(currentCall.get(), request)).build();
    }
}
