package io.memberhub.console.forms;

import io.memberhub.console.platform.PlatformProblem;
import io.memberhub.console.platform.PlatformRefusal;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One way every settings form is sent: what the console cannot read comes back at once (400), the
 * platform's refusal comes back next to the fields with its status kept (400, 403, 409, 422...), and
 * a change the platform took is followed by a redirect. A 401 or a platform failure goes to the error pages.
 */
public final class Submission {

    private Submission() {
    }

    /**
     * @param form    what was typed, with the console's own findings already in it
     * @param fieldOf the form field a platform field error belongs to (null: the platform's name up to a dot)
     * @param page    the page showing the form again
     * @param call    the platform call, answering where to go once it is done
     */
    public static Response send(Typed form, Function<String, String> fieldOf, Function<Typed, Object> page, Supplier<URI> call) {
        if (form.hasErrors()) {
            return Response.status(400).entity(page.apply(form)).build();
        }
        URI next;
        try {
            next = call.get();
        } catch (PlatformRefusal refused) {
            PlatformProblem problem = refused.problem();
            if (problem.status() >= 500 || problem.status() == 401) {
                throw refused;
            }
            return Response.status(problem.status()).entity(page.apply(form.refusedBy(problem, fieldOf))).build();
        }
        return Response.seeOther(next).build();
    }

    public static Response send(Typed form, Function<Typed, Object> page, Supplier<URI> call) {
        return send(form, field -> null, page, call);
    }
}
