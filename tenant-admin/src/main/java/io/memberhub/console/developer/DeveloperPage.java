package io.memberhub.console.developer;

import io.memberhub.console.i18n.Bundles;
import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.FormAnswer;
import io.memberhub.console.platform.PlatformRefusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A module developer's area: their modules with every version, its review and how many merchants
 * run it; their signing keys; and the upload of a new version. The console never holds a
 * developer's private key: the developer signs the package on their own machine and hands the
 * detached signature in with it.
 */
@Path("/console/developer")
@Produces(MediaType.TEXT_HTML)
public class DeveloperPage {

    /** The platform's refusals of an upload that name no field, by the form field they concern. */
    private static final Map<String, String> UPLOAD_FIELD_OF_CODE = Map.ofEntries(
            Map.entry("PACKAGE_MISSING", "package"), Map.entry("PACKAGE_TOO_LARGE", "package"), Map.entry("PACKAGE_UNSAFE", "package"),
            Map.entry("CHECKSUM_MISMATCH", "package"), Map.entry("VERSION_EXISTS", "package"), Map.entry("MODULE_OWNED_ELSEWHERE", "package"),
            Map.entry("PLUGIN_API_INCOMPATIBLE", "package"), Map.entry("MANIFEST_INVALID", "package"),
            Map.entry("PACKAGE_UNSIGNED", "signature"), Map.entry("SIGNATURE_INVALID", "signature"), Map.entry("KEY_REVOKED", "keyId"));

    private static final Map<String, String> KEY_FIELD_OF_CODE = Map.of("KEY_EXISTS", "publicKey");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(DeveloperViews.Profile me, List<DeveloperViews.Module> modules, List<DeveloperViews.Key> keys,
                                            FormAnswer key, FormAnswer upload, List<String> manifestProblems, String uploaded);

        static native TemplateInstance notDeveloper();
    }

    @Inject
    @RestClient
    DeveloperApi market;

    @Inject
    RequestLocale locale;

    @GET
    public Response home(@QueryParam("uploaded") String uploaded) {
        try {
            return Response.ok(page(FormAnswer.empty(), FormAnswer.empty(), List.of(), uploaded)).build();
        } catch (PlatformRefusal refused) {
            if (refused.is("NOT_A_DEVELOPER") || refused.problem().status() == 403) {
                return Response.status(Response.Status.FORBIDDEN).entity(locale.on(Templates.notDeveloper())).build();
            }
            throw refused;
        }
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registerKey(@FormParam("publicKey") String publicKey, @FormParam("label") String label) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("publicKey", publicKey == null ? "" : publicKey.strip());
        typed.put("label", label == null ? "" : label.strip());
        try {
            market.registerKey(new DeveloperViews.NewKey(typed.get("publicKey"), typed.get("label").isEmpty() ? null : typed.get("label")));
        } catch (PlatformRefusal refused) {
            if (!FormAnswer.shownOnForm(refused.problem())) {
                throw refused;
            }
            FormAnswer answer = FormAnswer.refused(typed, refused.problem(), UnaryOperator.identity(), KEY_FIELD_OF_CODE);
            return Response.status(refused.problem().status()).entity(page(answer, FormAnswer.empty(), List.of(), null)).build();
        }
        return Response.seeOther(URI.create("/console/developer#keys")).build();
    }

    @POST
    @Path("/keys/{id}/revocation")
    public Response revokeKey(@PathParam("id") String id) {
        market.revokeKey(id);
        return Response.seeOther(URI.create("/console/developer#keys")).build();
    }

    @POST
    @Path("/packages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("package") FileUpload pack, @RestForm("signature") String signature,
                           @RestForm("signatureFile") FileUpload signatureFile, @RestForm("keyId") String keyId) throws IOException {
        SignedPackage signed = SignedPackage.of(read(pack), signature, read(signatureFile));
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("keyId", keyId == null ? "" : keyId.strip());
        typed.put("signature", signature == null ? "" : signature.strip());
        if (signed.bytes().length == 0) {
            FormAnswer answer = new FormAnswer(typed, Map.of("package", Bundles.in(DevMessages.class, locale.get()).choose_package()), null);
            return Response.status(Response.Status.BAD_REQUEST).entity(page(FormAnswer.empty(), answer, List.of(), null)).build();
        }
        DeveloperViews.Version version;
        try {
            version = market.upload(signed.bytes(), signed.contentDigest(), typed.get("keyId").isEmpty() ? null : typed.get("keyId"),
                    signed.signature());
        } catch (PlatformRefusal refused) {
            if (!FormAnswer.shownOnForm(refused.problem())) {
                throw refused;
            }
            FormAnswer answer = FormAnswer.refused(typed, refused.problem(), f -> "package", UPLOAD_FIELD_OF_CODE);
            List<String> manifest = refused.problem().errors().stream()
                    .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message()).toList();
            return Response.status(refused.problem().status()).entity(page(FormAnswer.empty(), answer, manifest, null)).build();
        }
        return Response.seeOther(URI.create("/console/developer?uploaded=" + version.moduleId() + "%20" + version.version())).build();
    }

    private TemplateInstance page(FormAnswer key, FormAnswer upload, List<String> manifestProblems, String uploaded) {
        return locale.on(Templates.home(market.me(), market.modules(), market.keys(), key, upload, manifestProblems, uploaded));
    }

    private static byte[] read(FileUpload upload) throws IOException {
        return upload == null || upload.uploadedFile() == null ? new byte[0] : Files.readAllBytes(upload.uploadedFile());
    }
}
