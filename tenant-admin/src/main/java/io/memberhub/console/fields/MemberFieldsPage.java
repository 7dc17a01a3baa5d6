package io.memberhub.console.fields;

import io.memberhub.console.i18n.RequestLocale;
import io.memberhub.console.platform.Merchant;
import io.memberhub.console.platform.PlatformApi;
import io.memberhub.console.platform.PlatformRefusal;
import io.memberhub.console.platform.StaffAccount;
import io.memberhub.console.settings.AdminForm;
import io.memberhub.console.settings.AdminOnly;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Custom member fields: the merchant's fields with their type, choices, default and whether they are
 * required or private; owners and admins define, change and delete them, operators read them. Types
 * are the platform's and those of the merchant's enabled plugins ({@code GET /api/v1/member-field-types}).
 */
@Path("/console/member-fields")
@Produces(MediaType.TEXT_HTML)
public class MemberFieldsPage {

    /** The form's fields; the platform's {@code pluginType} problems show at the type. */
    private static final String[] FORM_FIELDS = {"key", "label", "type", "pluginType", "options", "required", "defaultValue", "private", "position"};
    private static final Map<String, String> CODE_FIELDS = Map.of("FIELD_KEY_TAKEN", "key", "FIELD_TYPE_FIXED", "type");
    /** The type select names a plugin's type {@code PLUGIN:<pluginId>:<TYPE>}. */
    private static final String PLUGIN = "PLUGIN:";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Merchant merchant, StaffAccount me, List<FieldsApi.Field> fields, List<TypeChoice> types,
                                            AdminForm form, String done, AdminForm.Problem refusal);

        static native TemplateInstance edit(Merchant merchant, FieldsApi.Field field, AdminForm form);
    }

    /** A type the form offers: its select value and, for a plugin's type, the plugin's description. */
    public record TypeChoice(String value, String name, String description) {
    }

    @Inject
    @RestClient
    FieldsApi fields;

    @Inject
    @RestClient
    PlatformApi platform;

    @Inject
    AdminOnly adminOnly;

    @Inject
    RequestLocale locale;

    @GET
    public Response list(@QueryParam("done") String done) {
        return listPage(200, AdminForm.empty(), done, null);
    }

    @GET
    @Path("/{key}")
    public Response edit(@PathParam("key") String key) {
        StaffAccount me = platform.me();
        if (!me.managesStaff()) {
            return adminOnly.refused(me, null);
        }
        FieldsApi.Field field = fields.field(key);
        return editPage(200, field, AdminForm.of(valuesOf(field)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        AdminForm typed = AdminForm.typed(form, FORM_FIELDS);
        Integer position;
        try {
            position = position(typed);
        } catch (NumberFormatException notWhole) {
            return listPage(400, typed.withError("position", "NOT_WHOLE_NUMBER", notWhole.getMessage()), null, null);
        }
        try {
            fields.create(request(typed, position));
        } catch (PlatformRefusal refused) {
            return listPage(refused.problem().status(), typed.refusedBy(AdminOnly.shownOnPage(refused), CODE_FIELDS), null, null);
        }
        return Response.seeOther(URI.create("/console/member-fields?done=created")).build();
    }

    @POST
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, MultivaluedMap<String, String> form) {
        FieldsApi.Field current = fields.field(key);
        AdminForm typed = AdminForm.typed(form, FORM_FIELDS);
        Integer position;
        try {
            position = position(typed);
        } catch (NumberFormatException notWhole) {
            return editPage(400, current, typed.withError("position", "NOT_WHOLE_NUMBER", notWhole.getMessage()));
        }
        try {
            fields.update(key, request(typed, position));
        } catch (PlatformRefusal refused) {
            return editPage(refused.problem().status(), current, typed.refusedBy(AdminOnly.shownOnPage(refused), CODE_FIELDS));
        }
        return Response.seeOther(URI.create("/console/member-fields?done=saved")).build();
    }

    @POST
    @Path("/{key}/deletion")
    public Response delete(@PathParam("key") String key) {
        try {
            fields.delete(key);
        } catch (PlatformRefusal refused) {
            return listPage(refused.problem().status(), AdminForm.empty(), null, AdminOnly.alertOf(refused));
        }
        return Response.seeOther(URI.create("/console/member-fields?done=deleted")).build();
    }

    private Response listPage(int status, AdminForm form, String done, AdminForm.Problem refusal) {
        StaffAccount me = platform.me();
        List<FieldsApi.Field> defined;
        try {
            defined = fields.fields();
        } catch (PlatformRefusal refused) {
            return adminOnly.refused(refused);
        }
        List<TypeChoice> types = me.managesStaff() ? typeChoices() : List.of();
        TemplateInstance page = Templates.list(platform.merchant(), me, defined, types, form, done == null ? "" : done, refusal);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(page)).build();
    }

    private Response editPage(int status, FieldsApi.Field field, AdminForm form) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(locale.on(Templates.edit(platform.merchant(), field, form))).build();
    }

    private List<TypeChoice> typeChoices() {
        FieldsApi.Types types = fields.types();
        List<TypeChoice> choices = new ArrayList<>();
        types.builtIn().forEach(t -> choices.add(new TypeChoice(t, t, null)));
        types.plugins().forEach(p -> choices.add(new TypeChoice(PLUGIN + p.pluginType(), p.pluginType(), p.description())));
        return choices;
    }

    /** The field as the edit form shows it. */
    private static Map<String, String> valuesOf(FieldsApi.Field field) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("key", field.key());
        values.put("label", field.label());
        values.put("type", field.pluginType() == null ? field.type() : PLUGIN + field.pluginType());
        values.put("options", String.join("\n", field.options()));
        values.put("required", String.valueOf(field.required()));
        values.put("defaultValue", field.defaultValue() == null ? "" : field.defaultValue());
        values.put("private", String.valueOf(field.privateField()));
        values.put("position", field.position() == null ? "" : field.position().toString());
        return values;
    }

    /** What the platform takes: a plugin's type is sent as type PLUGIN with its {@code pluginType}; choices one a line. */
    private static FieldsApi.Field request(AdminForm typed, Integer position) {
        Map<String, String> v = typed.values();
        String type = v.get("type");
        String pluginType = null;
        if (type != null && type.startsWith(PLUGIN)) {
            pluginType = type.substring(PLUGIN.length());
            type = "PLUGIN";
        }
        List<String> options = v.containsKey("options")
                ? Arrays.stream(v.get("options").split("\\R")).map(String::strip).filter(o -> !o.isEmpty()).toList()
                : List.of();
        return new FieldsApi.Field(v.get("key"), v.get("label"), type, typed.isChecked("required"), v.get("defaultValue"), options,
                typed.isChecked("private"), position, pluginType);
    }

    /** The typed position, or null for "at the end" (new) or "unchanged" (edit). */
    private static Integer position(AdminForm typed) {
        String position = typed.values().get("position");
        if (position == null) {
            return null;
        }
        try {
            return Integer.valueOf(position);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("must be a whole number");
        }
    }
}
