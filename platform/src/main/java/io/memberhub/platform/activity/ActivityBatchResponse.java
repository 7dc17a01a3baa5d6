package io.memberhub.platform.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** What became of each item of a batch, in the batch's order. */
public record ActivityBatchResponse(int accepted, int duplicates, int rejected, List<ItemResult> results) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /** {@code id} of an accepted item; {@code code} and {@code reason} of a rejected one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, Status status, UUID id, String code, String reason) {

        static ItemResult accepted(int index, UUID id) {
            return new ItemResult(index, Status.ACCEPTED, id, null, null);
        }

        static ItemResult duplicate(int index) {
            return new ItemResult(index, Status.DUPLICATE, null, null, null);
        }

        static ItemResult rejected(int index, String code, String reason) {
            return new ItemResult(index, Status.REJECTED, null, code, reason);
        }
    }

    static ActivityBatchResponse of(List<ItemResult> results) {
        int accepted = (int) results.stream().filter(r -> r.status() == Status.ACCEPTED).count();
        int duplicates = (int) results.stream().filter(r -> r.status() == Status.DUPLICATE).count();
        return new ActivityBatchResponse(accepted, duplicates, results.size() - accepted - duplicates, results);
    }
}
