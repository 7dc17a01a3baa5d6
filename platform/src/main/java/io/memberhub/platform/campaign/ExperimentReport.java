package io.memberhub.platform.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * How each arm converted: members assigned (sent or held out), members who placed an order (not fully
 * refunded) within {@code conversionDays} of their send, and the difference of each arm's rate to the
 * baseline's (the control arm, else the first arm) with its 95% confidence interval.
 */
public record ExperimentReport(UUID experimentId, int conversionDays, String baseline, List<ArmResult> arms) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArmResult(String arm, boolean control, int weight, long members, long converted, long orders, long orderAmount,
                            BigDecimal conversionRate, BigDecimal difference, BigDecimal differenceLow, BigDecimal differenceHigh,
                            Boolean significant) {
    }
}
