package io.memberhub.console.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns the platform's problem+json answers into {@link PlatformRefusal}s the pages can read. */
public class PlatformProblems implements ResponseExceptionMapper<PlatformRefusal> {

    @Override
    public PlatformRefusal toThrowable(Response response) {
        PlatformProblem problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = response.readEntity(PlatformProblem.class);
            } catch (RuntimeException unreadable) {
                // fall through to a problem made from the status alone
            }
        }
        if (problem == null || problem.code() == null) {
            problem = new PlatformProblem(response.getStatus(), "HTTP_" + response.getStatus(),
                    response.getStatusInfo().getReasonPhrase(), "The platform answered " + response.getStatus(), List.of());
        }
        return new PlatformRefusal(problem);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
