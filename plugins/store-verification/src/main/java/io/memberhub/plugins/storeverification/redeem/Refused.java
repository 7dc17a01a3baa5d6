package io.memberhub.plugins.storeverification.redeem;

import io.memberhub.plugin.api.route.spi.RouteResponse;
import io.memberhub.plugins.kit.Problems;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why something cannot be redeemed (or a member code not be taken): a stable code, the detail staff
 * read, and the event that redeemed it first when there is one. Thrown while reading a request,
 * answered as a problem online and as an upload's CONFLICT offline.
 */
public final class Refused extends RuntimeException implements Redeemer.Outcome {

    private final int status;
    private final String code;
    private final String firstEventId;

    public Refused(int status, String code, String detail, String firstEventId) {
        super(detail);
        this.status = status;
        this.code = code;
        this.firstEventId = firstEventId;
    }

    public String code() {
        return code;
    }

    public String firstEventId() {
        return firstEventId;
    }

    public RouteResponse toResponse() {
        return switch (status) {
            case 404 -> Problems.notFound(code, getMessage());
            case 409 -> Problems.conflict(code, getMessage());
            default -> Problems.unprocessable(code, getMessage());
        };
    }

    /** How an upload reports it for one event. */
    public Map<String, Object> toJson(String eventId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", eventId);
        json.put("outcome", "CONFLICT");
        json.put("reason", code);
        json.put("detail", getMessage());
        json.put("firstEventId", firstEventId);
        return json;
    }
}
