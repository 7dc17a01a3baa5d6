package io.memberhub.platform.lifecycle;

import java.time.LocalDate;
import java.util.List;

/** Members moving between stages per period (each period by its first day), oldest period first; {@code from} is null for a first stage. */
public record FlowResponse(Period period, List<PeriodMoves> periods) {

    public enum Period { WEEK, MONTH }

    public record PeriodMoves(LocalDate start, List<Move> moves) {
    }

    public record Move(LifecycleStage from, LifecycleStage to, long members) {
    }
}
