package io.memberhub.platform.wallet;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.idempotency.IdempotentWrites;
import io.memberhub.platform.tenancy.CurrentCall;
import io.memberhub.platform.wallet.WalletRequests.BonusTiers;
import io.memberhub.platform.wallet.WalletRequests.PaymentRefundRequest;
import io.memberhub.platform.wallet.WalletRequests.PaymentRequest;
import io.memberhub.platform.wallet.WalletRequests.TopUpRefundRequest;
import io.memberhub.platform.wallet.WalletRequests.TopUpRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Stored value")
public class WalletResource {

    @Inject
    CurrentCall currentCall;

    @Inject
    WalletService wallet;

    @Inject
    TopUpRefunds topUpRefunds;

    @POST
    @Path("/top-ups")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Record a top-up", description = "Amount in fen; the best bonus tier applies. Requires an Idempotency-Key.")
    @Audited(value = "wallet.topped_up", target = "member", targetId = "body.memberId", details = {"body.externalId", "body.amount"})
    public Response topUp(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull TopUpRequest request) {
        return wallet.topUp(currentCall.get(), key, request).created();
    }

    @POST
    @Path("/top-ups/{externalId}/refunds")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Give (part of) a top-up back",
            description = "Pays back amount fen (left out: all still unrefunded) and takes back the top-up's bonus in proportion, "
                    + "rounded up in the merchant's favour. 409 INSUFFICIENT_BALANCE when the stored value no longer holds both; "
                    + "422 REFUND_EXCEEDS_TOP_UP beyond what was paid. Requires an Idempotency-Key.")
    @Audited(value = "wallet.top_up_refunded", target = "top_up", targetId = "externalId", details = "body.amount")
    public Response refundTopUp(@PathParam("externalId") String externalId, @HeaderParam(IdempotentWrites.HEADER) String key,
                                @Valid TopUpRefundRequest request) {
        return topUpRefunds.refund(currentCall.get(), externalId, key, request == null ? new TopUpRefundRequest(null) : request).created();
    }

    @POST
    @Path("/wallet-payments")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Pay from stored value", description = "Refused with 422 INSUFFICIENT_BALANCE when the balance is short. Requires an Idempotency-Key.")
    @Audited(value = "wallet.paid", target = "member", targetId = "body.memberId", details = {"body.externalId", "body.amount"})
    public Response pay(@HeaderParam(IdempotentWrites.HEADER) String key, @Valid @NotNull PaymentRequest request) {
        return wallet.pay(currentCall.get(), key, request).created();
    }

    @POST
    @Path("/wallet-payments/{externalId}/refunds")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Give (part of) a stored-value payment back", description = "Requires an Idempotency-Key.")
    @Audited(value = "wallet.payment_refunded", target = "wallet_payment", targetId = "externalId", details = "body.amount")
    public Response refund(@PathParam("externalId") String externalId, @HeaderParam(IdempotentWrites.HEADER) String key,
                           @Valid @NotNull PaymentRefundRequest request) {
        return wallet.refundPayment(currentCall.get(), externalId, key, request).created();
    }

    @GET
    @Path("/wallet/bonus-tiers")
    @RolesAllowed({"owner", "admin", "operator"})
    public BonusTiers bonusTiers() {
        return wallet.bonusTiers(currentCall.get());
    }

    @PUT
    @Path("/wallet/bonus-tiers")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Replace the top-up bonus tiers", description = "e.g. pay 100000 get 10000: pay 1000 yuan, hold 1100.")
    @Audited("settings.wallet_bonus_tiers_saved")
    public BonusTiers replaceBonusTiers(@Valid @NotNull BonusTiers tiers) {
        return wallet.replaceBonusTiers(currentCall.get(), tiers);
    }
}
