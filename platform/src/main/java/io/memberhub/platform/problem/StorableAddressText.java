package io.memberhub.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@link StorableText} for the request's address: a NUL ({@code %00}) in its path or query string is
 * refused with {@code 400 INVALID_TEXT} for every endpoint alike, instead of failing at the database for
 * some and matching nothing for others.
 */
@ApplicationScoped
public class StorableAddressText {

    /** With the other input checks, before security. */
    private static final int PRIORITY = 940;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext request) {
        String address = request.request().uri();
        if (address != null && (address.contains("%00") || address.indexOf('\0') >= 0)) {
            RawProblemAnswer.send(request, json, ProblemException.badRequest("INVALID_TEXT",
                    "The address contains NUL (%00), which no path or query parameter may hold"), false);
            return;
        }
        request.next();
    }
}
