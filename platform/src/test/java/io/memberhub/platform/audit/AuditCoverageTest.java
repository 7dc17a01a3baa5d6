package io.memberhub.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint of the platform is audited or says why not, and every audit annotation names
 * values its endpoint has: a new endpoint cannot go unrecorded by being forgotten.
 */
class AuditCoverageTest {

    private static final Set<Class<? extends Annotation>> WRITES = Set.of(POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void everyWriteEndpointIsAuditedOrSaysWhyNot() throws IOException, URISyntaxException {
        List<Class<?>> resources = resources();
        assertThat(resources).as("the scan finds the platform's resources").hasSizeGreaterThan(40)
                .contains(io.memberhub.platform.staff.StaffResource.class, io.memberhub.platform.member.MemberResource.class);

        List<String> problems = resources.stream().flatMap(resource -> problems(resource).stream()).toList();

        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsAnUnauditedWriteAndAnAnnotationThatNamesNothing() {
        assertThat(problems(Forgotten.class)).singleElement().asString().contains("Forgotten.remove");
        assertThat(problems(Misnamed.class)).anySatisfy(p -> assertThat(p).contains("no path or query parameter memberId"))
                .anySatisfy(p -> assertThat(p).contains("action 'Removed'"));
    }

    /** The write methods of a resource class that are neither audited nor exempt with a reason, and audit annotations that do not fit. */
    private static List<String> problems(Class<?> resource) {
        List<String> problems = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            if (WRITES.stream().noneMatch(method::isAnnotationPresent)) {
                continue;
            }
            String name = resource.getSimpleName() + "." + method.getName();
            NotAudited exempt = method.isAnnotationPresent(NotAudited.class) ? method.getAnnotation(NotAudited.class)
                    : resource.getAnnotation(NotAudited.class);
            if (method.isAnnotationPresent(Audited.class)) {
                AuditedEndpoint.of(method).problems().forEach(p -> problems.add(name + ": " + p));
                if (method.isAnnotationPresent(NotAudited.class)) {
                    problems.add(name + ": both @Audited and @NotAudited");
                }
            } else if (exempt == null || exempt.value().isBlank()) {
                problems.add(name + ": a write endpoint that is neither @Audited nor @NotAudited(\"why\")");
            }
        }
        return problems;
    }

    /** Every class of the platform's main code with a {@code @Path}. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(AuditLog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("io/memberhub/platform"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(AuditCoverageTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AuditCoverageTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // Fixtures without a class @Path, so the test application does not serve them.
    static class Forgotten {
        @DELETE
        public void remove() {
        }

        @POST
        @Audited(value = "forgotten.created", target = "thing", targetId = "answer.id")
        public Response create() {
            return null;
        }
    }

    static class Misnamed {
        @DELETE
        @Path("/{id}")
        @Audited(value = "Removed", target = "member", targetId = "memberId")
        public void remove(@PathParam("id") String id) {
        }
    }
}
