package io.memberhub.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable error code clients
 * switch on; {@code title} and {@code detail} are for people and may be reworded.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input, named by its JSON path (e.g. {@code addresses[0].phone}). */
    public record FieldError(String field, String message) {
    }

    static String typeFor(String code) {
        return "https://memberhub.io/problems/" + code.toLowerCase().replace('_', '-');
    }
}
