package io.memberhub.platform.member;

import io.memberhub.platform.audit.Audited;
import io.memberhub.platform.csv.CsvUpload;
import io.memberhub.platform.limits.BodyLimits;
import io.memberhub.platform.csv.ImportMode;
import io.memberhub.platform.csv.ImportReport;
import io.memberhub.platform.problem.ProblemException;
import io.memberhub.platform.tenancy.CallContext;
import io.memberhub.platform.tenancy.CurrentCall;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Tag(name = "Members")
public class MemberResource {

    private static final String FIELD_PREFIX = "field.";

    @Inject
    BodyLimits limits;

    @Inject
    CurrentCall currentCall;

    @Inject
    MemberService members;

    @Inject
    MemberImport imports;

    @Inject
    MemberExport exports;

    @POST
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Create a member")
    @Audited(value = "member.created", target = "member", targetId = "answer.id", details = "body.*")
    public Response create(@NotNull CreateMemberRequest request) {
        MemberResponse created = members.create(currentCall.get(), request);
        return Response.created(URI.create("/api/v1/members/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "A member's profile", description = "Private custom fields are shown to owners and admins and masked for operators.")
    public MemberResponse get(@PathParam("id") UUID id) {
        return members.get(currentCall.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Change a member's profile", description = "Attributes left out stay as they are.")
    @Audited(value = "member.updated", target = "member", targetId = "id", details = "body.*")
    public MemberResponse update(@PathParam("id") UUID id, @NotNull UpdateMemberRequest request) {
        return members.update(currentCall.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Delete a member", description = "Soft delete: the member disappears from the API; the phone number may register again.")
    @Audited(value = "member.deleted", target = "member", targetId = "id")
    public void delete(@PathParam("id") UUID id) {
        members.delete(currentCall.get(), id);
    }

    @GET
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Search members", description = "q matches a phone prefix or part of the name; field.<key>=<value> filters by custom field; tag=<id> (repeatable) keeps members carrying every such tag, notTag=<id> those carrying none, level=<id> (repeatable) those at any such level; sort is createdAt, name, phone or birthday with ,asc or ,desc. Private fields are masked in lists.")
    public MemberPage search(@QueryParam("q") String q,
                             @QueryParam("phone") String phone,
                             @QueryParam("name") String name,
                             @QueryParam("gender") Gender gender,
                             @QueryParam("source") String source,
                             @QueryParam("tag") java.util.List<UUID> tags,
                             @QueryParam("notTag") java.util.List<UUID> withoutTags,
                             @QueryParam("level") java.util.List<UUID> levels,
                             @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size,
                             @QueryParam("sort") @DefaultValue("createdAt,desc") String sort,
                             @Context UriInfo uri) {
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalidField("page", "must be between 0 and 100000");
        }
        if (size < 1 || size > MemberQuery.MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MemberQuery.MAX_PAGE_SIZE);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((key, values) -> {
            if (key.startsWith(FIELD_PREFIX) && !values.isEmpty()) {
                fields.put(key.substring(FIELD_PREFIX.length()), values.getFirst());
            }
        });
        String[] sortParts = sort.split(",", 2);
        MemberQuery.SortKey key;
        try {
            key = MemberQuery.SortKey.valueOf(sortParts[0].strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("sort", "must be one of createdAt, name, phone, birthday");
        }
        String direction = sortParts.length > 1 ? sortParts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ProblemException.invalidField("sort", "direction must be asc or desc");
        }
        return members.search(currentCall.get(),
                new MemberQuery(q, phone, name, gender, source, fields, tags, withoutTags, levels, null, page, size, key, direction.equals("desc")));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"owner", "admin"})
    @Operation(summary = "Import members from CSV",
            description = "Columns: phone (required), name, gender, birthday, avatarUrl, registrationSource, then custom field keys. "
                    + "mode=all imports nothing unless every row is good (422 with the row errors otherwise); mode=valid imports the good rows and reports the bad.")
    @Audited(value = "member.imported", details = {"mode", "answer.imported", "answer.rejected"})
    public Response importCsv(@QueryParam("mode") @DefaultValue("all") @Parameter(description = "all or valid") String mode,
                              @HeaderParam("Content-Type") MediaType contentType,
                              InputStream body) {
        ImportMode importMode = CsvUpload.mode(mode);
        ImportReport report = imports.run(currentCall.get(),
                CsvUpload.reader(BodyLimits.capped(body, limits.csvImport()), contentType), importMode);
        return Response.ok(CsvUpload.committedOrThrow(report)).build();
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({"owner", "admin", "operator"})
    @Operation(summary = "Export members as CSV", description = "Streams every member. Private fields are masked unless includePrivate=true, which only owners and admins may ask for.")
    public Response exportCsv(@QueryParam("includePrivate") @DefaultValue("false") boolean includePrivate) {
        CallContext call = currentCall.get();
        if (includePrivate && !call.role().seesPrivateFields()) {
            throw ProblemException.forbidden("PRIVATE_FIELDS", "Your role cannot export private member fields");
        }
        StreamingOutput body = out -> exports.write(call, includePrivate, out);
        String filename = "members-" + call.tenantSlug() + "-" + LocalDate.now() + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
