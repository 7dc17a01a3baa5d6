package io.memberhub.console.members;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.ImportReport;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformProblem;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Members from a CSV file: the file goes to the platform's streamed import as it is, and the page
 * shows what came of it, each refused row with its line and reason. "All or nothing" leaves the
 * members untouched when any row is bad; "good rows only" imports the rest.
 */
@Path("/console/members/import")
@Produces(MediaType.TEXT_HTML)
public class MemberImportPage {

    /** How the platform names a bad cell of an all-or-nothing import: {@code rows[12].phone}. */
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.?(.*)");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Merchant merchant, String mode, Outcome outcome);
    }

    /** What an import did, or why it did nothing. */
    public record Outcome(ImportReport report, String refusal, String refusalCode) {

        public boolean refused() {
            return refusal != null;
        }
    }

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance form() {
        return locale.on(Templates.upload(platform.merchant(), "all", null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("mode") String mode) throws IOException {
        String chosen = "valid".equals(mode) ? "valid" : "all";
        if (file == null || file.size() == 0) {
            return page(400, chosen, new Outcome(null, "EMPTY_FILE", "EMPTY_FILE"));
        }
        try (InputStream csv = Files.newInputStream(file.uploadedFile())) {
            ImportReport report = platform.importMembers(chosen, csv);
            return page(200, chosen, new Outcome(report, null, null));
        } catch (PlatformRefusal refused) {
            PlatformProblem problem = refused.problem();
            if (problem.status() >= 500 || problem.status() == 401) {
                throw refused;
            }
            return page(problem.status(), chosen, new Outcome(rejectedRows(problem), problem.detail(), problem.code()));
        }
    }

    private Response page(int status, String mode, Outcome outcome) {
        return Response.status(status).entity(locale.on(Templates.upload(platform.merchant(), mode, outcome))).build();
    }

    /** An all-or-nothing import refused: the rows it names, as a report that imported nothing. */
    private static ImportReport rejectedRows(PlatformProblem problem) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (PlatformProblem.FieldError e : problem.errors()) {
            Matcher m = ROW_FIELD.matcher(e.field() == null ? "" : e.field());
            if (m.matches()) {
                errors.add(new ImportReport.RowError(Long.parseLong(m.group(1)), m.group(2), e.message()));
            }
        }
        return errors.isEmpty() ? null : new ImportReport("all", 0, 0, errors.size(), false, errors, false);
    }
}
