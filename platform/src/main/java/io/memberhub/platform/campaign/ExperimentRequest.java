package io.memberhub.platform.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An A/B test on a campaign: arms with weights in whole percent adding up to 100, each a variant of
 * the campaign (a field left out keeps the campaign's) or the control group, held out; and how many
 * days after the send an order counts as a conversion.
 */
public record ExperimentRequest(@Min(1) @Max(90) Integer conversionDays,
                                @NotNull @Size(min = 2, max = 10) List<@Valid @NotNull Arm> arms) {

    public record Arm(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,19}", message = "must be capitals, digits or _, like A, B or CONTROL")
                      String name,
                      @NotNull @Min(1) @Max(99) Integer weight,
                      boolean control,
                      UUID couponTemplateId,
                      @Positive Long points,
                      @Size(min = 1, max = 500) String text) {
    }

    int conversionDaysOrDefault() {
        return conversionDays == null ? 7 : conversionDays;
    }
}
