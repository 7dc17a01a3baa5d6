package io.memberhub.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;

/** A problem answered from an HTTP filter, before the request reaches the REST layer and its exception mappers. */
final class RawProblemAnswer {

    private RawProblemAnswer() {
    }

    /** Ends the request with the problem; {@code close} for a request whose body will not be read. */
    static void send(RoutingContext request, ObjectMapper json, ProblemException problem, boolean close) {
        try {
            var response = request.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (close) {
                response.putHeader("Connection", "close");
            }
            response.end(json.writeValueAsString(problem.toProblem()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
